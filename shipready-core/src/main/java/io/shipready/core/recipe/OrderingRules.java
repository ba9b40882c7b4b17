package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.step.StepCategory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules on where a step may stand, so that a unit is known before anything is done to it,
 * nothing irreversible happens before the checks meant to guard it, and finishing a unit is the
 * last thing done. "Before" means reachable through depends_on, since steps may run in parallel.
 */
final class OrderingRules {
  private final Problems problems;

  OrderingRules(Problems problems) {
    this.problems = requireNonNull(problems, "problems");
  }

  /**
   * Setup and teardown run for the station or around every run; they never change a unit for good.
   */
  void checkSetupOrTeardown(List<StepDraft> steps) {
    for (StepDraft step : steps) {
      Optional<StepCategory> category = category(step);
      if (category.isPresent() && category.get().irreversible()) {
        problems.add(
            step.spec().location(),
            "step '"
                + step.id()
                + "' (kind "
                + step.spec().kind()
                + ") is irreversible and may not stand in "
                + step.section().path(),
            "move it to steps, after the checks that must pass before it");
      }
    }
  }

  /**
   * Checks the steps section. Call only when its dependencies are sound; otherwise the rules would
   * report the consequences of a dependency problem already reported.
   */
  void checkSteps(List<StepDraft> steps) {
    Map<String, StepCategory> categories = new LinkedHashMap<>();
    for (StepDraft step : steps) {
      Optional<StepCategory> category = category(step);
      if (category.isEmpty()) {
        return; // an unknown kind or a kind that failed to answer has been reported
      }
      categories.putIfAbsent(step.id(), category.get());
    }
    Graph graph = new Graph(steps, categories);
    identificationFirst(graph);
    Set<String> reportedBeforeFinalization = finalizationLast(graph);
    irreversibleAfterChecks(graph, reportedBeforeFinalization);
  }

  /**
   * What each step's ancestors hold is carried along the dependencies in one pass, in dependency
   * order, instead of listing every step's ancestors: that list grows with the square of the
   * recipe's length.
   */
  private void identificationFirst(Graph graph) {
    List<String> identifying = graph.ids(StepCategory.IDENTIFICATION);
    int count = graph.steps.size();
    boolean[] identifiedBefore = new boolean[count];
    int[] firstOtherBefore = new int[count];
    Arrays.fill(firstOtherBefore, Integer.MAX_VALUE);
    for (int step : graph.dependencyOrder()) {
      for (int dependency : graph.dependencies(step)) {
        boolean identifies = graph.category(dependency) == StepCategory.IDENTIFICATION;
        identifiedBefore[step] |= identifies || identifiedBefore[dependency];
        int firstOther =
            identifies
                ? firstOtherBefore[dependency]
                : Math.min(dependency, firstOtherBefore[dependency]);
        firstOtherBefore[step] = Math.min(firstOtherBefore[step], firstOther);
      }
    }
    for (int position = 0; position < count; position++) {
      StepDraft step = graph.steps.get(position);
      if (graph.category(position) == StepCategory.IDENTIFICATION) {
        if (firstOtherBefore[position] != Integer.MAX_VALUE) {
          String other = graph.steps.get(firstOtherBefore[position]).id();
          problems.add(
              step.spec().location(),
              "identification step '"
                  + step.id()
                  + "' runs after '"
                  + other
                  + "', which is not an identification step",
              "identify the unit first: make '"
                  + step.id()
                  + "' depend only on identification steps, or on nothing");
        }
      } else if (!identifying.isEmpty() && !identifiedBefore[position]) {
        problems.add(
            step.spec().location(),
            "step '" + step.id() + "' does not wait for the unit to be identified",
            "make it depend on "
                + quoted(identifying, " or ")
                + ", directly or through the steps before it");
      }
    }
  }

  /** Returns the steps reported as missing before the finalization step. */
  private Set<String> finalizationLast(Graph graph) {
    List<String> finalizing = graph.ids(StepCategory.FINALIZATION);
    if (finalizing.isEmpty()) {
      return Set.of();
    }
    String last = finalizing.get(0);
    for (String second : finalizing.subList(1, finalizing.size())) {
      problems.add(
          graph.step(second).spec().location(),
          "step '" + second + "' is a second finalization step; '" + last + "' already is one",
          "keep one finalization step, the last of the recipe");
    }
    Set<String> ancestors = graph.ancestors(last);
    Set<String> missing = new LinkedHashSet<>();
    for (StepDraft step : graph.steps) {
      if (!finalizing.contains(step.id()) && !ancestors.contains(step.id())) {
        missing.add(step.id());
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          graph.step(last).spec().location(),
          "finalization step '" + last + "' does not wait for " + quoted(missing, ", "),
          "finalization comes last: make '"
              + last
              + "' depend on them, directly or through the steps after them");
    }
    return missing;
  }

  private void irreversibleAfterChecks(Graph graph, Set<String> alreadyReported) {
    for (int position = 0; position < graph.steps.size(); position++) {
      StepDraft step = graph.steps.get(position);
      if (!graph.category(step).irreversible()) {
        continue;
      }
      Set<String> ancestors = graph.ancestors(step.id());
      List<String> checksNotWaitedFor = new ArrayList<>();
      for (StepDraft before : graph.steps.subList(0, position)) {
        if (graph.category(before) == StepCategory.CHECK && !ancestors.contains(before.id())) {
          checksNotWaitedFor.add(before.id());
        }
      }
      List<String> unreported =
          checksNotWaitedFor.stream().filter(id -> !alreadyReported.contains(id)).toList();
      if (!unreported.isEmpty()) {
        problems.add(
            step.spec().location(),
            "irreversible step '"
                + step.id()
                + "' does not wait for the checks listed before it: "
                + quoted(unreported, ", "),
            "add them to its depends_on, so '" + step.id() + "' runs only when they passed");
      }
      boolean checked =
          ancestors.stream().anyMatch(id -> graph.categories.get(id) == StepCategory.CHECK);
      if (!checked && checksNotWaitedFor.isEmpty()) {
        problems.add(
            step.spec().location(),
            "irreversible step '"
                + step.id()
                + "' is not preceded by its checks: no check runs"
                + " before it",
            "add a check step before it and list it in its depends_on");
      }
      requiredChecks(graph, step, ancestors, alreadyReported);
    }
  }

  private void requiredChecks(
      Graph graph, StepDraft step, Set<String> ancestors, Set<String> alreadyReported) {
    Set<String> kindsBefore =
        ancestors.stream().map(id -> graph.step(id).spec().kind()).collect(Collectors.toSet());
    for (String required : step.kind().requiredChecksBefore(step.spec())) {
      if (kindsBefore.contains(required)) {
        continue;
      }
      List<String> ofThatKind =
          graph.steps.stream()
              .filter(other -> other.spec().kind().equals(required))
              .map(StepDraft::id)
              .toList();
      if (!ofThatKind.isEmpty() && alreadyReported.containsAll(ofThatKind)) {
        continue;
      }
      problems.add(
          step.spec().location(),
          "irreversible step '" + step.id() + "' needs a '" + required + "' step before it",
          ofThatKind.isEmpty()
              ? "add a step of kind "
                  + required
                  + " and list it in the depends_on of '"
                  + step.id()
                  + "'"
              : "make '" + step.id() + "' depend on " + quoted(ofThatKind, " or "));
    }
  }

  private Optional<StepCategory> category(StepDraft step) {
    if (step.kind() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(requireNonNull(step.kind().category(step.spec()), "category"));
    } catch (RuntimeException failed) {
      problems.add(
          step.spec().location(),
          "kind '"
              + step.spec().kind()
              + "' could not place step '"
              + step.id()
              + "': "
              + failed.getMessage(),
          "check the step's parameters");
      return Optional.empty();
    }
  }

  private static String quoted(Iterable<String> ids, String separator) {
    List<String> quoted = new ArrayList<>();
    ids.forEach(id -> quoted.add("'" + id + "'"));
    return String.join(separator, quoted);
  }

  /**
   * The steps section as a dependency graph, steps known by their position. Walks it with its own
   * stacks and queues, never by recursion, so a chain of thousands of steps is as safe as a short
   * one.
   */
  private static final class Graph {
    final List<StepDraft> steps;
    final Map<String, StepCategory> categories;
    private final Map<String, Integer> positions = new HashMap<>();
    private final int[][] dependencies;

    /** The steps must have unique ids and no cycle, as sound dependencies have. */
    Graph(List<StepDraft> steps, Map<String, StepCategory> categories) {
      this.steps = steps;
      this.categories = categories;
      for (int i = 0; i < steps.size(); i++) {
        positions.putIfAbsent(steps.get(i).id(), i);
      }
      dependencies = new int[steps.size()][];
      for (int i = 0; i < steps.size(); i++) {
        dependencies[i] =
            steps.get(i).spec().dependsOn().stream().mapToInt(positions::get).toArray();
      }
    }

    StepDraft step(String id) {
      return steps.get(positions.get(id));
    }

    StepCategory category(StepDraft step) {
      return categories.get(step.id());
    }

    StepCategory category(int position) {
      return category(steps.get(position));
    }

    int[] dependencies(int position) {
      return dependencies[position];
    }

    List<String> ids(StepCategory category) {
      return steps.stream().filter(s -> category(s) == category).map(StepDraft::id).toList();
    }

    /** Every step after all it depends on (Kahn's order). */
    int[] dependencyOrder() {
      int count = steps.size();
      int[] waitingFor = new int[count];
      List<List<Integer>> dependents = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        dependents.add(new ArrayList<>());
      }
      for (int i = 0; i < count; i++) {
        waitingFor[i] = dependencies[i].length;
        for (int dependency : dependencies[i]) {
          dependents.get(dependency).add(i);
        }
      }
      int[] order = new int[count];
      int done = 0;
      for (int i = 0; i < count; i++) {
        if (waitingFor[i] == 0) {
          order[done++] = i;
        }
      }
      for (int next = 0; next < done; next++) {
        for (int dependent : dependents.get(order[next])) {
          if (--waitingFor[dependent] == 0) {
            order[done++] = dependent;
          }
        }
      }
      return order;
    }

    /** Every step reachable through depends_on, in the order the steps are listed. */
    Set<String> ancestors(String id) {
      boolean[] reached = new boolean[steps.size()];
      Deque<Integer> todo = new ArrayDeque<>();
      todo.push(positions.get(id));
      while (!todo.isEmpty()) {
        for (int dependency : dependencies[todo.pop()]) {
          if (!reached[dependency]) {
            reached[dependency] = true;
            todo.push(dependency);
          }
        }
      }
      Set<String> inListOrder = new LinkedHashSet<>();
      for (int i = 0; i < reached.length; i++) {
        if (reached[i]) {
          inListOrder.add(steps.get(i).id());
        }
      }
      return inListOrder;
    }
  }
}
