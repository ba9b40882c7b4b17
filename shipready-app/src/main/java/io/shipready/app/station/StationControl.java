package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.app.route.RouteActions;
import io.shipready.backoffice.guard.LoginAttempts;
import io.shipready.core.ShipreadyException;
import io.shipready.core.engine.Station;
import io.shipready.core.spi.Prompter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The actions a station page offers, each checked for its role and recorded with its user before it
 * is carried out. Operators start and retest units, answer prompts and scan; engineers (with the
 * PIN) also stop a slot's run or the whole station. A station with no engineer PIN set lets its
 * operators stop, so it can always be stopped from its page.
 */
public final class StationControl {
  private static final int BAD_REQUEST = 400;
  private static final int FORBIDDEN = 403;
  private static final int NOT_FOUND = 404;
  private static final int CONFLICT = 409;
  private static final int TOO_MANY = 429;
  private static final int MAX_SCAN = 512;

  private final Station station;
  private final StationUnits units;
  private final PromptQueue prompts;
  private final ActionLog actions;
  private final EngineerPinCheck pins;
  private final Consumer<String> stopStation;
  private final LoginAttempts attempts;
  private StationRoutes routes;

  /**
   * What the page may do to units' routes: the actions on the records, the station's line, and the
   * folder its provisioning queue is in (null when it writes none).
   */
  public record StationRoutes(RouteActions actions, String line, Path queueFolder) {}

  /**
   * @param attempts the wrong engineer PINs counted per user and per address, and their lockout
   * @param stopStation ends the shift: stops the station with the reason given
   */
  public StationControl(
      Station station,
      StationUnits units,
      PromptQueue prompts,
      ActionLog actions,
      EngineerPinCheck pins,
      LoginAttempts attempts,
      Consumer<String> stopStation) {
    this.station = requireNonNull(station, "station");
    this.units = requireNonNull(units, "units");
    this.prompts = requireNonNull(prompts, "prompts");
    this.actions = requireNonNull(actions, "actions");
    this.pins = requireNonNull(pins, "pins");
    this.attempts = requireNonNull(attempts, "attempts");
    this.stopStation = requireNonNull(stopStation, "stopStation");
  }

  /** Lets the page act on units' routes; without it the route actions are refused. */
  public void routes(StationRoutes routes) {
    this.routes = routes;
  }

  /**
   * An engineer's route action from the page: {@code do} is override, rework, repair or scrap; the
   * other fields are those of the {@code shipready unit} command of that name (unit, station,
   * reason, symptom, action, parts, reEntry). Recorded with who did it, allowed or refused.
   */
  public String route(Map<String, String> request, String source) {
    String who = user(request.get("user"));
    String what = request.getOrDefault("do", "");
    String action = "route " + what;
    Role role = mayStop("", who, action, request.get("pin"), source);
    if (routes == null) {
      actions.record("", who, role, action, "this station is on no line", false);
      throw new ActionRefusedException(
          CONFLICT,
          "this station's recipe is on no line (no line.yaml beside it); use shipready unit "
              + what
              + " with the line's records");
    }
    String unit = request.get("unit");
    String done;
    try {
      done =
          switch (what) {
            case "override" ->
                routes
                    .actions()
                    .override(
                        unit, routes.line(), request.get("station"), who, request.get("reason"));
            case "rework" ->
                routes
                    .actions()
                    .rework(
                        unit, routes.line(), request.get("station"), who, request.get("symptom"));
            case "repair" ->
                routes
                    .actions()
                    .repair(
                        unit,
                        routes.line(),
                        who,
                        request.get("symptom"),
                        request.get("action"),
                        request.get("parts") == null
                            ? null
                            : Arrays.asList(request.get("parts").split(",")),
                        request.get("reEntry"));
            case "scrap" ->
                routes.actions().scrap(unit, who, request.get("reason"), routes.queueFolder());
            default ->
                throw new ActionRefusedException(
                    BAD_REQUEST,
                    "'do' must be override, rework, repair or scrap, not '" + what + "'");
          };
    } catch (ShipreadyException | IOException refused) {
      actions.record("", who, role, action, unit + ": " + refused.getMessage(), false);
      throw new ActionRefusedException(CONFLICT, refused.getMessage());
    }
    actions.record("", who, role, action, done, true);
    return done;
  }

  /** Puts a new unit in the slot. */
  public String start(String slot, String user) {
    String who = user(user);
    slot(slot);
    try {
      int unit = units.start(slot);
      actions.record(slot, who, Role.OPERATOR, "start", "unit " + unit, true);
      return "unit " + unit + " will run in slot " + slot;
    } catch (StationUnits.Refused refused) {
      actions.record(slot, who, Role.OPERATOR, "start", refused.getMessage(), false);
      throw new ActionRefusedException(CONFLICT, refused.getMessage());
    }
  }

  /** Runs the slot's last unit again. */
  public String retest(String slot, String user) {
    String who = user(user);
    slot(slot);
    try {
      int unit = units.retest(slot);
      actions.record(slot, who, Role.OPERATOR, "retest", "unit " + unit, true);
      return "unit " + unit + " will run again in slot " + slot;
    } catch (StationUnits.Refused refused) {
      actions.record(slot, who, Role.OPERATOR, "retest", refused.getMessage(), false);
      throw new ActionRefusedException(CONFLICT, refused.getMessage());
    }
  }

  /**
   * Aborts the slot's run: an engineer's action where an engineer PIN is set, an operator's where
   * none is (a station without a PIN is still stopped from its page, and who did is recorded).
   */
  public String stop(String slot, String user, String pin, String source) {
    String who = user(user);
    slot(slot);
    Role role = mayStop(slot, who, "stop", pin, source);
    String reason = "stopped by " + who + " (" + role.label() + ") on the station page";
    boolean running = station.abortSlot(slot, reason);
    actions.record(slot, who, role, "stop", running ? reason : "no run in progress", running);
    if (!running) {
      throw new ActionRefusedException(CONFLICT, "slot " + slot + " has no run in progress");
    }
    return "the run in slot " + slot + " is being aborted";
  }

  /** Ends the shift: aborts every run and takes no more units (as {@link #stop}, by role). */
  public String stopStation(String user, String pin, String source) {
    String who = user(user);
    Role role = mayStop("", who, "stop station", pin, source);
    actions.record("", who, role, "stop station", "", true);
    stopStation.accept("station stopped by " + who + " (" + role.label() + ") on the station page");
    return "the station is stopping";
  }

  /** Answers a slot's question. */
  public String answer(long promptId, String user, String answer) {
    String who = user(user);
    if (answer == null) {
      throw new ActionRefusedException(BAD_REQUEST, "the answer is missing: send 'answer'");
    }
    PromptQueue.Pending question =
        prompts
            .byId(promptId)
            .orElseThrow(
                () ->
                    new ActionRefusedException(
                        NOT_FOUND,
                        "question "
                            + promptId
                            + " is no longer waiting (answered, timed out or its run ended)"));
    String slot = question.prompt().slot();
    actions.record(
        slot, who, Role.OPERATOR, "answer", question.prompt().message() + " -> " + answer, true);
    if (prompts.answer(promptId, answer).isEmpty()) {
      throw new ActionRefusedException(NOT_FOUND, "question " + promptId + " is no longer waiting");
    }
    return "answered";
  }

  /**
   * A barcode from the scan field: it answers the oldest scan (or value) question of the slot
   * named, or of any slot.
   */
  public String scan(String slot, String user, String code) {
    String who = user(user);
    String scanned = code == null ? "" : code.strip();
    if (scanned.isEmpty()) {
      throw new ActionRefusedException(BAD_REQUEST, "the scan is empty: scan the barcode again");
    }
    if (scanned.length() > MAX_SCAN || scanned.chars().anyMatch(Character::isISOControl)) {
      actions.record(
          slot == null ? "" : slot, who, Role.OPERATOR, "scan", "unreadable scan refused", false);
      throw new ActionRefusedException(
          BAD_REQUEST,
          "the scan has control characters or is over "
              + MAX_SCAN
              + " characters: check the scanner's suffix setting (Enter only) and scan again");
    }
    PromptQueue.Pending question =
        prompts
            .waitingForScan(slot)
            .orElseThrow(
                () -> {
                  actions.record(
                      slot == null ? "" : slot,
                      who,
                      Role.OPERATOR,
                      "scan",
                      scanned + " (no slot was waiting for a scan)",
                      false);
                  return new ActionRefusedException(
                      CONFLICT,
                      "no slot is waiting for a scan"
                          + (slot == null || slot.isEmpty() ? "" : " in slot " + slot)
                          + "; '"
                          + scanned
                          + "' was not used");
                });
    String target = question.prompt().slot();
    actions.record(target, who, Role.OPERATOR, "scan", scanned, true);
    prompts.answer(question.id(), scanned);
    return "slot " + target + ": " + scanned;
  }

  /** The question's picture, by its file name in the recipe. */
  public String imageOf(long promptId) {
    Prompter.Prompt prompt =
        prompts
            .byId(promptId)
            .map(PromptQueue.Pending::prompt)
            .orElseThrow(
                () -> new ActionRefusedException(NOT_FOUND, "question " + promptId + " is gone"));
    if (prompt.image() == null) {
      throw new ActionRefusedException(NOT_FOUND, "question " + promptId + " has no picture");
    }
    return prompt.image();
  }

  /**
   * Who may stop (or act on a route): anyone, as an operator, where no engineer PIN is set; else an
   * engineer with the PIN. Refusals are recorded.
   */
  private Role mayStop(String slot, String user, String action, String pin, String source) {
    if (!pins.configured()) {
      return Role.OPERATOR;
    }
    // The attempt is reserved before the PIN is checked: concurrent guesses cannot all slip in
    // before the first wrong one is counted.
    LoginAttempts.Attempt attempt = attempts.begin(user, source);
    if (!attempt.admitted()) {
      actions.record(slot, user, Role.ENGINEER, action, "engineer PIN locked", false);
      throw new ActionRefusedException(
          TOO_MANY,
          "too many wrong engineer PINs: engineer actions are locked for "
              + attempt.lockedForSeconds()
              + " s more; nothing was done");
    }
    if (!pins.matches(pin)) {
      attempt.failed();
      actions.record(slot, user, Role.ENGINEER, action, "wrong engineer PIN", false);
      throw new ActionRefusedException(
          FORBIDDEN, "wrong engineer PIN: " + action + " needs an engineer; nothing was done");
    }
    attempt.succeeded();
    return Role.ENGINEER;
  }

  private void slot(String slot) {
    if (slot == null || !station.slots().contains(slot)) {
      throw new ActionRefusedException(
          NOT_FOUND, "there is no slot " + slot + "; slots are " + station.slots());
    }
  }

  private static String user(String user) {
    if (user == null || user.isBlank()) {
      throw new ActionRefusedException(
          BAD_REQUEST,
          "say who you are: type your name in the 'user' field at the top of the page");
    }
    String name = user.strip();
    if (name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
      throw new ActionRefusedException(
          BAD_REQUEST, "the user name must be a plain name of at most 64 characters");
    }
    return name;
  }
}
