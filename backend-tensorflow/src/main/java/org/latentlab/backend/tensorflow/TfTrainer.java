package org.latentlab.backend.tensorflow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Runs training steps as graphs. On its first call with a given batch signature a step is traced once:
 * placeholders for the batch, the loss in training mode, symbolic gradients of the objective with
 * respect to exactly the step's parameter group, the optimizer's fused update kernels
 * ({@link FusedOptimizer}), and one update op that runs them and the loss's state updates after every
 * read. Each call then feeds the batch and the step's number (the seed of its random ops) and runs that
 * graph once.
 */
final class TfTrainer implements Trainer {
  private final TfComputeSession session;
  private final Map<String, TrainingStep> steps = new HashMap<>();
  private final Map<String, List<String>> groups = new HashMap<>();
  private final Map<String, TracedCall> traced = new HashMap<>();
  private long stepsRun;

  TfTrainer(TfComputeSession session, TrainingProgram program) {
    this.session = session;
    for (TrainingStep step : program.steps()) {
      steps.put(step.name(), step);
      groups.put(step.name(), step.parameters(session.store()));
    }
  }

  @Override
  public Map<String, Float> step(String stepName, Map<String, HostTensor> batch) {
    TrainingStep step = steps.get(stepName);
    if (step == null) {
      throw new IllegalArgumentException("no step '" + stepName + "'; the program has " + steps.keySet());
    }
    TracedCall call = traced.computeIfAbsent(stepName + "|" + TracedCall.signature(batch), key -> trace(step, batch));
    Map<String, Float> out = new LinkedHashMap<>();
    call.run(batch, ++stepsRun).forEach((name, v) -> out.put(name, v.item()));
    return out;
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

  private TracedCall trace(TrainingStep step, Map<String, HostTensor> batch) {
    TfOps ops = new TfOps(session, true);
    Map<String, Placeholder<TFloat32>> placeholders = new LinkedHashMap<>();
    Map<String, Tensor> inputs = ops.placeholders(batch, placeholders);
    Losses losses = step.loss().apply(ops, inputs);
    if (losses.objective().rank() != 0 && java.util.Arrays.stream(losses.objective().shape()).reduce(1, (a, b) -> a * b) != 1) {
      throw new IllegalArgumentException("the objective of step '" + step.name() + "' must be a scalar, but has shape "
          + java.util.Arrays.toString(losses.objective().shape()));
    }
    List<String> names = groups.get(step.name());
    // Parameters of the group the objective does not depend on (a decoder while fine-tuning an encoder; an encoder
    // block a loss computes but does not use) get zero gradients: TensorFlow refuses to differentiate with respect
    // to nodes the objective cannot reach.
    Operand<TFloat32> objective = TfOps.op(losses.objective());
    List<String> reached = names.stream().filter(n -> ops.reaches(objective, n)).toList();
    Operand<TFloat32>[] reachedGrads = ops.symbolicGradients(objective, reached.stream().map(ops::read).toList());
    @SuppressWarnings("unchecked")
    Operand<TFloat32>[] grads = new Operand[names.size()];
    for (int i = 0, r = 0; i < names.size(); i++) {
      grads[i] = ops.reaches(objective, names.get(i)) ? reachedGrads[r++]
          : ops.tf().zeros(ops.ints(session.store().get(names.get(i)).shape()), TFloat32.class);
    }
    FusedOptimizer.schedule(ops, step, names, List.of(grads));
    Map<String, Operand<TFloat32>> fetched = new LinkedHashMap<>();
    fetched.put(Losses.OBJECTIVE, scalar(ops, losses.objective()));
    losses.terms().forEach((name, t) -> fetched.put(name, scalar(ops, t)));
    return new TracedCall(session.session(), placeholders, fetched, ops.updates(), ops.randomStepInput());
  }

  private static Operand<TFloat32> scalar(TfOps ops, Tensor t) {
    return t.rank() == 0 ? TfOps.op(t) : ops.tf().reshape(TfOps.op(t), ops.ints());
  }
}
