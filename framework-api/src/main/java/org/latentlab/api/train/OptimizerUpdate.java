package org.latentlab.api.train;

import java.util.List;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.Tensor;

/**
 * The optimizer updates of {@link OptimizerSpec}, written once against {@link Ops} so every backend
 * applies exactly the same arithmetic (and TensorFlow's non-reproducible stock Adam is avoided).
 * Slots live in the parameter store as {@link org.latentlab.api.params.ParameterKind#OPTIMIZER}
 * entries named {@code optimizer/<step>/<param>/<slot>}, so checkpoints carry them.
 */
public final class OptimizerUpdate {
  private OptimizerUpdate() {}

  /** Declares the slots {@code step} needs for its parameters (idempotent). */
  public static void declareSlots(ParameterStore store, TrainingStep step) {
    String base = "optimizer/" + step.name() + "/";
    if (step.optimizer() instanceof OptimizerSpec.Adam) {
      store.optimizerSlot(base + "t", new int[0]);
    }
    for (String p : store.trainableIn(step.group())) {
      int[] shape = store.get(p).shape();
      if (step.optimizer() instanceof OptimizerSpec.Sgd sgd && sgd.momentum() > 0) {
        store.optimizerSlot(base + p + "/velocity", shape);
      } else if (step.optimizer() instanceof OptimizerSpec.Adam) {
        store.optimizerSlot(base + p + "/m", shape);
        store.optimizerSlot(base + p + "/v", shape);
      }
    }
  }

  /**
   * The new values of {@code params} given their gradients, also scheduling slot updates with
   * {@link Ops#assign}. The caller writes the returned values into the parameters.
   */
  public static List<Tensor> apply(Ops ops, TrainingStep step, List<String> params, List<Tensor> grads) {
    String base = "optimizer/" + step.name() + "/";
    if (step.optimizer() instanceof OptimizerSpec.Sgd sgd) {
      return sgd(ops, sgd, base, params, grads);
    }
    return adam(ops, (OptimizerSpec.Adam) step.optimizer(), base, params, grads);
  }

  private static List<Tensor> sgd(
      Ops ops, OptimizerSpec.Sgd sgd, String base, List<String> params, List<Tensor> grads) {
    MathOps m = ops.math();
    Tensor[] out = new Tensor[params.size()];
    for (int i = 0; i < params.size(); i++) {
      Tensor p = ops.param(params.get(i));
      Tensor g = withDecay(ops, grads.get(i), p, sgd.weightDecay());
      if (sgd.momentum() > 0) {
        String slot = base + params.get(i) + "/velocity";
        g = m.add(m.scale(ops.param(slot), (float) sgd.momentum()), g);
        ops.assign(slot, g);
      }
      out[i] = m.sub(p, m.scale(g, (float) sgd.learningRate()));
    }
    return List.of(out);
  }

  private static List<Tensor> adam(
      Ops ops, OptimizerSpec.Adam adam, String base, List<String> params, List<Tensor> grads) {
    MathOps m = ops.math();
    String tName = base + "t";
    Tensor t = m.addScalar(ops.param(tName), 1f);
    ops.assign(tName, t);
    // 1 - beta^t, computed as 1 - exp(t ln beta): trace-safe, no value read back.
    Tensor c1 = m.addScalar(m.neg(m.exp(m.scale(t, (float) Math.log(adam.beta1())))), 1f);
    Tensor c2 = m.addScalar(m.neg(m.exp(m.scale(t, (float) Math.log(adam.beta2())))), 1f);
    Tensor sqrtC2 = m.sqrt(c2);
    Tensor stepSize = m.div(m.scale(sqrtC2, (float) adam.learningRate()), c1);
    Tensor epsHat = m.scale(sqrtC2, (float) adam.epsilon());
    Tensor[] out = new Tensor[params.size()];
    for (int i = 0; i < params.size(); i++) {
      String name = params.get(i);
      Tensor p = ops.param(name);
      Tensor g = withDecay(ops, grads.get(i), p, adam.weightDecay());
      Tensor mNew = m.add(m.scale(ops.param(base + name + "/m"), (float) adam.beta1()),
          m.scale(g, (float) (1 - adam.beta1())));
      Tensor vNew = m.add(m.scale(ops.param(base + name + "/v"), (float) adam.beta2()),
          m.scale(m.square(g), (float) (1 - adam.beta2())));
      ops.assign(base + name + "/m", mNew);
      ops.assign(base + name + "/v", vNew);
      // p - lr * mhat / (sqrt(vhat) + eps) with mhat = m / c1 and vhat = v / c2, rewritten as
      // p - (lr sqrt(c2) / c1) * m / (sqrt(v) + eps sqrt(c2)).
      Tensor denom = m.add(m.sqrt(vNew), epsHat);
      out[i] = m.sub(p, m.mul(stepSize, m.div(mNew, denom)));
    }
    return List.of(out);
  }

  private static Tensor withDecay(Ops ops, Tensor g, Tensor p, double weightDecay) {
    return weightDecay > 0 ? ops.math().add(g, ops.math().scale(p, (float) weightDecay)) : g;
  }
}
