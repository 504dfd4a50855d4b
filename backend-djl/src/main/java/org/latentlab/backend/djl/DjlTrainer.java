package org.latentlab.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * Runs training steps eagerly. A step opens a per-step manager, marks exactly the step's parameter
 * group as requiring gradients (so a GAN's generator step leaves the discriminator's gradients
 * alone), runs the loss under the gradient collector in training mode, back-propagates, computes the
 * new values with the neutral optimizer update (recording nothing) and swaps them into the parameter
 * arrays, which also frees the old values and their gradients; then it applies the state updates of
 * the loss and of the optimizer and closes the per-step manager, so nothing outlives the step.
 *
 * <p>Before each step the engine's generator is reseeded from the session seed and the step's number,
 * so a step's random draws do not depend on what ran before it (see {@link Trainer}).
 *
 * <p>DJL allows one gradient collector per JVM: steps of different sessions must run one after the
 * other; a concurrent one fails with a clear message (see {@link ExclusiveCollector}).
 */
final class DjlTrainer implements Trainer {
  private final Engine engine;
  private final NDManager manager;
  private final Map<String, NDArray> values;
  private final Map<String, TrainingStep> steps = new HashMap<>();
  private final Map<String, List<String>> groups = new HashMap<>();
  private final long seed;
  private long stepsRun;

  DjlTrainer(Engine engine, NDManager manager, ParameterStore store, Map<String, NDArray> values,
      TrainingProgram program, long seed) {
    this.engine = engine;
    this.seed = seed;
    this.manager = manager;
    this.values = values;
    for (TrainingStep step : program.steps()) {
      steps.put(step.name(), step);
      groups.put(step.name(), step.parameters(store));
    }
  }

  @Override
  public Map<String, Float> step(String stepName, Map<String, HostTensor> batch) {
    TrainingStep step = steps.get(stepName);
    if (step == null) {
      throw new IllegalArgumentException("no step '" + stepName + "'; the program has " + steps.keySet());
    }
    List<String> names = groups.get(stepName);
    ExclusiveCollector.recordNothing();
    engine.setRandomSeed(stepSeed(seed, ++stepsRun));
    boolean updated = false;
    try (NDManager scope = manager.newSubManager()) {
      for (String n : names) {
        values.get(n).setRequiresGradient(true);
      }
      try {
        Map<String, Float> out = run(step, names, batch, scope);
        updated = true;
        return out;
      } finally {
        release(names, updated);
      }
    }
  }

  @Override
  public long stepsRun() {
    return stepsRun;
  }

  @Override
  public void resumeAfter(long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0 (was " + steps + ")");
    }
    stepsRun = steps;
  }

  /** The engine seed of step {@code step}: the session seed and the step mixed, folded to an int. */
  static int stepSeed(long seed, long step) {
    long z = RandomStreams.mix(seed, step);
    return (int) (z ^ (z >>> 32));
  }

  private Map<String, Float> run(TrainingStep step, List<String> names, Map<String, HostTensor> batch,
      NDManager scope) {
    DjlOps ops = new DjlOps(values, scope, true, InputGradients.REFUSED_IN_STEP);
    Losses losses;
    try (ExclusiveCollector collector = ExclusiveCollector.open(engine)) {
      losses = step.loss().apply(ops, DjlCompiledFunction.inputs(scope, batch));
      collector.backward(objective(step, losses));
    }
    List<NDArray> grads = new ArrayList<>(names.size());
    for (String n : names) {
      grads.add(ops.wrapped(values.get(n).getGradient()));
    }
    DjlOps updateOps = names.size() > 1
        ? new GroupUpdate(values, scope, step, names)
        : new DjlOps(values, scope, false, InputGradients.REFUSED_IN_STEP);
    List<NDArray> newValues = updateOps.optimizerUpdate(step, names, grads);
    Map<String, Float> out = new LinkedHashMap<>();
    out.put(Losses.OBJECTIVE, DjlOps.arr(losses.objective()).getFloat());
    losses.terms().forEach((k, v) -> out.put(k, DjlOps.arr(v).getFloat()));
    Set<NDArray> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < names.size(); i++) {
      replace(names.get(i), newValues.get(i), consumed);
    }
    ops.assignments().forEach((name, value) -> replace(name, value, consumed));
    updateOps.assignments().forEach((name, value) -> replace(name, value, consumed));
    return out;
  }

  private static NDArray objective(TrainingStep step, Losses losses) {
    NDArray objective = DjlOps.arr(losses.objective());
    if (objective.size() != 1) {
      throw new IllegalArgumentException("the objective of step '" + step.name() + "' must be a scalar, but has shape "
          + objective.getShape());
    }
    return objective;
  }

  /**
   * Ends the step for the group's parameters: they stop requiring gradients; after a failed step their
   * values are swapped for detached ones, which drops any gradient the step left behind.
   */
  private void release(List<String> names, boolean updated) {
    for (String n : names) {
      NDArray p = values.get(n);
      if (!updated) {
        p.intern(p.stopGradient());
      }
      p.setRequiresGradient(false);
    }
  }

  /**
   * Swaps {@code value}'s storage into the named array (no copy; the array object stays). A value that
   * is itself a session array, or was already used for another entry, is copied first.
   */
  private void replace(String name, NDArray value, Set<NDArray> consumed) {
    NDArray target = values.get(name);
    if (value == target) {
      return;
    }
    NDArray v;
    if (isSessionArray(value) || !consumed.add(value)) {
      v = value.duplicate();
    } else {
      v = value.hasGradient() ? value.stopGradient() : value;
    }
    target.intern(v);
  }

  private boolean isSessionArray(NDArray a) {
    for (NDArray v : values.values()) {
      if (v == a) {
        return true;
      }
    }
    return false;
  }
}
