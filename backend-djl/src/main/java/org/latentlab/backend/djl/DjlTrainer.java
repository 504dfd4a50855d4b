package org.latentlab.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerUpdate;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * Runs training steps eagerly: the loss under a gradient collector with only the step's parameter
 * group recording gradients, backward, the neutral optimizer update, then the new values swapped
 * into the parameter arrays (which also drops their gradients). Every intermediate lives in a
 * per-step manager closed at the end of the step. DJL allows one gradient collector per process, so
 * steps of different sessions must not run concurrently.
 */
final class DjlTrainer implements Trainer {
  static long[] T = new long[5]; static int N;
  private final Engine engine;
  private final NDManager manager;
  private final Map<String, NDArray> values;
  private final TrainingProgram program;
  private final Map<String, List<String>> groups = new HashMap<>();

  DjlTrainer(Engine engine, NDManager manager, ParameterStore store, Map<String, NDArray> values,
      TrainingProgram program) {
    this.engine = engine;
    this.manager = manager;
    this.values = values;
    this.program = program;
    for (TrainingStep step : program.steps()) {
      List<String> names = store.trainableIn(step.group());
      if (names.isEmpty()) {
        throw new IllegalArgumentException("step '" + step.name() + "' selects no trainable parameter");
      }
      groups.put(step.name(), names);
    }
  }

  @Override
  public Map<String, Float> step(String stepName, Map<String, HostTensor> batch) {
    TrainingStep step = program.step(stepName);
    List<String> names = groups.get(stepName);
    long t0 = System.nanoTime();
    try (NDManager scope = manager.newSubManager()) {
      for (String n : names) {
        values.get(n).setRequiresGradient(true);
      }
      DjlOps ops = new DjlOps(values, scope, true, InputGradients.REFUSED_IN_STEP);
      Map<String, Tensor> inputs = DjlCompiledFunction.inputs(scope, batch);
      Losses losses;
      try (GradientCollector collector = newCollector()) {
        losses = step.loss().apply(ops, inputs);
        T[0] += System.nanoTime() - t0; t0 = System.nanoTime();
        collector.backward(DjlOps.arr(losses.objective()));
      }
      List<Tensor> grads = new ArrayList<>(names.size());
      for (String n : names) {
        grads.add(ops.wrap(values.get(n).getGradient()));
      }
      T[1] += System.nanoTime() - t0; t0 = System.nanoTime();
      DjlOps updateOps = new DjlOps(values, scope, false, InputGradients.REFUSED_IN_STEP);
      List<Tensor> updated = OptimizerUpdate.apply(updateOps, step, names, grads);
      T[2] += System.nanoTime() - t0; t0 = System.nanoTime();
      Map<String, Float> out = new LinkedHashMap<>();
      out.put(Losses.OBJECTIVE, DjlOps.arr(losses.objective()).getFloat());
      losses.terms().forEach((k, v) -> out.put(k, DjlOps.arr(v).getFloat()));
      for (int i = 0; i < names.size(); i++) {
        replace(names.get(i), DjlOps.arr(updated.get(i)));
      }
      ops.assignments().forEach(this::replace);
      updateOps.assignments().forEach(this::replace);
      T[3] += System.nanoTime() - t0; t0 = System.nanoTime();
      return out;
    } finally { T[4] += System.nanoTime() - t0; if (++N % 50 == 0) { System.out.printf("fwd %.2f bwd %.2f upd %.2f write %.2f close %.2f ms%n", T[0]/1e6/N, T[1]/1e6/N, T[2]/1e6/N, T[3]/1e6/N, T[4]/1e6/N); } }
  }

  private GradientCollector newCollector() {
    try {
      return engine.newGradientCollector();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("the djl backend trains one model at a time per process (a gradient "
          + "collector is already open): run training steps of different sessions one after the other", e);
    }
  }

  /** Swaps {@code value}'s storage into the named array; the array object (and its name) stays. */
  private void replace(String name, NDArray value) {
    NDArray target = values.get(name);
    if (value == target) {
      return;
    }
    NDArray detached = value.hasGradient() ? value.stopGradient() : value;
    target.intern(detached);
  }
}
