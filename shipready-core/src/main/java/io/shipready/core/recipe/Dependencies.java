package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves each step's depends_on within its section: the step listed before when the recipe says
 * nothing, the named steps otherwise. Reports names that lead nowhere and cycles.
 */
final class Dependencies {
  /**
   * The steps of a section with their dependencies filled in.
   *
   * @param sound whether every dependency resolved and none form a cycle, which the ordering rules
   *     need to mean anything
   */
  record Resolved(List<StepDraft> steps, boolean sound) {}

  private final Problems problems;

  Dependencies(Problems problems) {
    this.problems = requireNonNull(problems, "problems");
  }

  /**
   * @param sectionOfId the section of every step id in the recipe, to tell a step of another
   *     section from one that does not exist
   */
  Resolved resolve(Section section, List<StepDraft> drafts, Map<String, Section> sectionOfId) {
    Map<String, StepDraft> here = new LinkedHashMap<>();
    drafts.forEach(draft -> here.putIfAbsent(draft.id(), draft));
    boolean sound = here.size() == drafts.size(); // a duplicate id has been reported
    List<StepDraft> resolved = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      StepDraft draft = drafts.get(i);
      if (draft.dependsOn() == null) {
        resolved.add(draft.withDependencies(i == 0 ? List.of() : List.of(drafts.get(i - 1).id())));
        continue;
      }
      Set<String> ids = new LinkedHashSet<>();
      for (Reference reference : draft.dependsOn()) {
        if (here.containsKey(reference.name())) {
          ids.add(reference.name());
        } else {
          sound = false;
          reportUnresolved(draft, reference, section, sectionOfId, here.keySet());
        }
      }
      resolved.add(draft.withDependencies(List.copyOf(ids)));
    }
    return new Resolved(resolved, sound & !reportCycles(resolved));
  }

  private void reportUnresolved(
      StepDraft draft,
      Reference reference,
      Section section,
      Map<String, Section> sectionOfId,
      Collection<String> idsHere) {
    Section other = sectionOfId.get(reference.name());
    if (other != null) {
      problems.add(
          reference.location(),
          "step '"
              + draft.id()
              + "' depends on '"
              + reference.name()
              + "', which is in "
              + other.path()
              + ", not in "
              + section.path(),
          "a step may wait only for steps of its own section: move one of them, or remove the"
              + " dependency");
      return;
    }
    List<String> candidates = new ArrayList<>(idsHere);
    candidates.remove(draft.id());
    problems.add(
        reference.location(),
        "step '" + draft.id() + "' depends on unknown step '" + reference.name() + "'",
        Suggestions.fix(reference.name(), candidates, "steps in " + section.path()));
  }

  /** Reports each cycle at the dependency that points forward in the file; true if any. */
  private boolean reportCycles(List<StepDraft> steps) {
    Map<String, StepDraft> byId = new LinkedHashMap<>();
    Map<String, Integer> position = new HashMap<>();
    for (StepDraft step : steps) {
      if (byId.putIfAbsent(step.id(), step) == null) {
        position.put(step.id(), position.size());
      }
    }
    CycleSearch search = new CycleSearch(byId);
    byId.keySet().forEach(search::visit);
    for (List<String> cycle : search.cycles) {
      report(cycle, byId, position);
    }
    return !search.cycles.isEmpty();
  }

  private void report(
      List<String> cycle, Map<String, StepDraft> byId, Map<String, Integer> position) {
    // A cycle always has a dependency on a step listed later (or on itself), because the implicit
    // ones point back; that is the one the author wrote and can remove.
    int start = 0;
    for (int i = 0; i < cycle.size() - 1; i++) {
      if (position.get(cycle.get(i + 1)) >= position.get(cycle.get(i))) {
        start = i;
        break;
      }
    }
    List<String> path = new ArrayList<>(cycle.subList(start, cycle.size() - 1));
    path.addAll(cycle.subList(0, start + 1));
    StepDraft closing = byId.get(path.get(0));
    SourceLocation at =
        closing.dependsOn() == null
            ? closing.spec().location()
            : closing.dependsOn().stream()
                .filter(reference -> reference.name().equals(path.get(1)))
                .findFirst()
                .map(Reference::location)
                .orElse(closing.spec().location());
    problems.add(
        at,
        "steps depend on each other in a cycle: " + String.join(" -> ", path),
        "remove one of these dependencies so the steps can run one after another");
  }

  /**
   * Depth-first search that keeps the path, so a cycle is known by the steps it goes through. It
   * keeps its own stack rather than recursing, since a chain of thousands of steps is a valid
   * recipe.
   */
  private static final class CycleSearch {
    /** A step being visited and how many of its dependencies have been followed. */
    private static final class Frame {
      final String id;
      final List<String> dependencies;
      int next;

      Frame(String id, List<String> dependencies) {
        this.id = id;
        this.dependencies = dependencies;
      }
    }

    private final Map<String, StepDraft> byId;
    private final Map<String, Boolean> onPath = new HashMap<>();
    private final List<String> path = new ArrayList<>();
    private final List<List<String>> cycles = new ArrayList<>();

    CycleSearch(Map<String, StepDraft> byId) {
      this.byId = byId;
    }

    void visit(String start) {
      if (onPath.containsKey(start)) {
        return;
      }
      Deque<Frame> stack = new ArrayDeque<>();
      stack.push(enter(start));
      while (!stack.isEmpty()) {
        Frame frame = stack.peek();
        if (frame.next == frame.dependencies.size()) {
          stack.pop();
          path.remove(path.size() - 1);
          onPath.put(frame.id, false);
          continue;
        }
        String dependency = frame.dependencies.get(frame.next++);
        if (Boolean.TRUE.equals(onPath.get(dependency))) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(dependency), path.size()));
          cycle.add(dependency);
          cycles.add(cycle);
        } else if (!onPath.containsKey(dependency)) {
          stack.push(enter(dependency));
        }
      }
    }

    private Frame enter(String id) {
      onPath.put(id, true);
      path.add(id);
      return new Frame(id, byId.get(id).spec().dependsOn());
    }
  }
}
