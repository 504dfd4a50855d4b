package org.latentlab.api.train;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model's training, declared rather than coded: a list of steps, each with its own loss,
 * parameter group and optimizer. An autoencoder has one step; a GAN two. The runner decides the
 * schedule: in each iteration every step runs {@code repeats} times, in order, on fresh batches.
 *
 * @param steps   the steps, in the order they run within an iteration
 * @param repeats how many times each step runs per iteration (same length as {@code steps})
 */
public record TrainingProgram(List<TrainingStep> steps, List<Integer> repeats) {

  /** Checks that names are unique and repeat counts positive. */
  public TrainingProgram {
    steps = List.copyOf(steps);
    repeats = List.copyOf(repeats);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a training program needs at least one step");
    }
    if (repeats.size() != steps.size()) {
      throw new IllegalArgumentException("one repeat count per step is needed");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      if (!names.add(steps.get(i).name())) {
        throw new IllegalArgumentException("duplicate step name '" + steps.get(i).name() + "'");
      }
      if (repeats.get(i) < 1) {
        throw new IllegalArgumentException("step '" + steps.get(i).name() + "' must run at least once per iteration");
      }
    }
  }

  /** A program with one step run once per iteration. */
  public static TrainingProgram single(TrainingStep step) {
    return new TrainingProgram(List.of(step), List.of(1));
  }

  /** The step called {@code name}. */
  public TrainingStep step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step '" + name + "'"));
  }
}
