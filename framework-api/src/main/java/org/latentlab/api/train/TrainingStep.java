package org.latentlab.api.train;

import java.util.List;
import java.util.Objects;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;

/**
 * One step of a training program: a loss, the parameters it updates, and how.
 *
 * @param name      unique within the program (e.g. {@code discriminator}); also the metric prefix
 * @param loss      the trace-safe loss function
 * @param group     the trainable parameters this step updates; the others are left untouched
 * @param optimizer the update rule
 */
public record TrainingStep(String name, LossFunction loss, ParameterGroup group, OptimizerSpec optimizer) {
  /** Checks for nulls and a usable name. */
  public TrainingStep {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(optimizer, "optimizer");
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("step name must be kebab-case (was '" + name + "')");
    }
  }

  /**
   * The trainable parameters of {@code store} this step updates, in declaration order. Fails, naming
   * the step and its group, if it selects none (a mistyped prefix).
   */
  public List<String> parameters(ParameterStore store) {
    List<String> names = store.trainableIn(group);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("step '" + name + "' selects no trainable parameter (group "
          + group.prefixes() + ")");
    }
    return List.copyOf(names);
  }
}
