package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.spi.EventListener;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What each slot's tile shows, kept up to date from the station's events: the unit, the step it is
 * on, how far it got, and its outcome. An outcome is shown only once the run's record is stored
 * (PASS is never shown for a unit whose record is not durable); until then the tile says
 * "recording".
 */
public final class SlotBoard implements EventListener {
  private final Map<String, Tile> tiles = new LinkedHashMap<>();
  private final int stepsPerRun;
  private final PromptQueue prompts;
  private final Consumer<String> changed;

  /**
   * @param slots the station's slots, in the order the page shows them
   * @param stepsPerRun steps a unit's run has, for the progress bar
   * @param prompts where the slots' waiting questions are
   * @param changed told each slot whose tile changed
   */
  public SlotBoard(
      List<String> slots, int stepsPerRun, PromptQueue prompts, Consumer<String> changed) {
    this.stepsPerRun = stepsPerRun;
    this.prompts = requireNonNull(prompts, "prompts");
    this.changed = requireNonNull(changed, "changed");
    slots.forEach(slot -> tiles.put(slot, new Tile(slot)));
  }

  @Override
  public void on(Event event) {
    if (event instanceof Event.InstrumentOutOfService lost) {
      // The whole station's concern: every tile says so, since any slot may need the instrument.
      tiles.forEach(
          (slot, each) -> {
            synchronized (each) {
              each.notice = lost.message();
            }
            changed.accept(slot);
          });
      return;
    }
    Tile tile = tiles.get(event.slot());
    if (tile == null) {
      return; // station setup and teardown have no tile
    }
    synchronized (tile) {
      apply(tile, event);
    }
    changed.accept(event.slot());
  }

  private void apply(Tile tile, Event event) {
    if (event instanceof Event.RunStarted started) {
      tile.runId = started.runId();
      tile.unit = started.unitNumber();
      tile.serial = "";
      tile.name = "";
      tile.step = "";
      tile.stepId = "";
      tile.progress = "";
      tile.stepsDone.clear();
      tile.startedAt = started.at().toEpochMilli();
      tile.endedAt = 0;
      tile.outcome = null;
      tile.recording = false;
      tile.durable = false;
      tile.failedStep = "";
      tile.message = "";
    } else if (event instanceof Event.UnitIdentified identified && tile.serial.isEmpty()) {
      // The first serial seen stays: usually the sticker the operator scanned. A unit without a
      // serial (an Afero module, an Azure Sphere chip) is shown by its device id, which is what
      // its label carries and what the trace finds it by.
      List<Identifier> ids = identified.identifiers();
      tile.serial = first(ids, Identifier.SERIAL);
      if (tile.name.isEmpty() || !tile.serial.isEmpty()) {
        tile.name = tile.serial.isEmpty() ? first(ids, Identifier.DEVICE_ID) : tile.serial;
      }
    } else if (event instanceof Event.StepStarted step) {
      tile.step =
          step.attempt() > 1 ? step.stepId() + " (try " + step.attempt() + ")" : step.stepId();
      tile.stepId = step.stepId();
      tile.progress = "";
    } else if (event instanceof Event.StepFinished step) {
      tile.stepsDone.add(step.stepId());
      if (step.stepId().equals(tile.stepId)) {
        tile.progress = "";
      }
    } else if (event instanceof Event.RunFinished finished) {
      tile.recording = true;
      tile.failedStep = finished.failedStep();
      tile.message = finished.message();
      tile.endedAt = finished.at().toEpochMilli();
      tile.step = "";
      tile.progress = "";
    } else if (event instanceof Event.RunRecorded recorded) {
      tile.recording = false;
      tile.durable = recorded.durable();
      tile.outcome = recorded.outcome();
    } else if (event instanceof Event.SlotChanged slot) {
      tile.state = slot.state().name();
      tile.slotMessage = slot.message();
    } else if (event instanceof Event.Notice notice) {
      tile.notice = notice.message();
      // A running step's own word on how far it is (a wait for the cloud), shown beside the step.
      String prefix = tile.stepId + ": ";
      if (!tile.stepId.isEmpty() && notice.message().startsWith(prefix)) {
        tile.progress = notice.message().substring(prefix.length());
      }
    }
    // Measurements, attributes, images and components are in the record, not on the tile.
  }

  private static String first(List<Identifier> ids, String kind) {
    return ids.stream()
        .filter(id -> id.kind().equals(kind))
        .map(Identifier::value)
        .findFirst()
        .orElse("");
  }

  public List<String> slots() {
    return List.copyOf(tiles.keySet());
  }

  /** The tile of one slot as the page draws it. */
  public Map<String, Object> tile(String slot) {
    Tile tile = tiles.get(slot);
    if (tile == null) {
      throw new IllegalArgumentException("no slot " + slot);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    synchronized (tile) {
      view.put("slot", tile.slot);
      view.put("state", tile.state);
      view.put("slotMessage", tile.slotMessage);
      view.put("unit", tile.unit);
      view.put("serial", tile.serial);
      view.put("name", tile.name);
      view.put("runId", tile.runId);
      view.put("step", tile.step);
      view.put("progress", tile.progress);
      view.put("done", tile.stepsDone.size());
      view.put("total", stepsPerRun);
      view.put("startedAt", tile.startedAt);
      view.put("endedAt", tile.endedAt);
      view.put("recording", tile.recording);
      view.put("outcome", tile.outcome == null ? "" : tile.outcome.name());
      view.put("durable", tile.durable);
      view.put("failedStep", tile.outcome == null ? "" : tile.failedStep);
      view.put("message", tile.outcome == null ? "" : tile.message);
      view.put("notice", tile.notice);
    }
    view.put(
        "prompt",
        prompts
            .of(slot)
            .map(
                p -> {
                  Map<String, Object> prompt = new LinkedHashMap<>();
                  prompt.put("id", p.id());
                  prompt.put("kind", p.prompt().kind().name());
                  prompt.put("message", p.prompt().message());
                  prompt.put("choices", p.prompt().choices());
                  prompt.put("image", p.prompt().image() != null);
                  return prompt;
                })
            .orElse(null));
    return view;
  }

  /** Mutable state of one tile; guarded by its own monitor. */
  private static final class Tile {
    final String slot;
    String state = "IDLE";
    String slotMessage = "";
    int unit;
    String serial = "";
    String name = "";
    String runId = "";
    String step = "";
    String stepId = "";
    String progress = "";
    final Set<String> stepsDone = new HashSet<>();
    long startedAt;
    long endedAt;
    boolean recording;
    boolean durable;
    Outcome outcome;
    String failedStep = "";
    String message = "";
    String notice = "";

    Tile(String slot) {
      this.slot = slot;
    }
  }
}
