package org.latentlab.backend.tensorflow;

import java.util.List;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingStep;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The updates of {@link OptimizerSpec} as TensorFlow's fused in-place kernels ({@code ResourceApplyAdam},
 * {@code ResourceApplyMomentum}, {@code ResourceApplyGradientDescent}): one op per parameter instead of
 * a dozen, which is most of what an update of a small model costs in graph mode. The arithmetic is
 * exactly that of {@link org.latentlab.api.train.OptimizerUpdate} (the conformance suite checks each
 * against a hand computation): Adam's epsilon is added to the bias-corrected {@code sqrt(v)}, which
 * the kernel's form {@code lr_t m / (sqrt(v) + eps')} gives with {@code eps' = eps sqrt(1 - beta2^t)};
 * the step count and the slots are the same store entries, so checkpoints do not depend on the backend.
 */
final class FusedOptimizer {
  private FusedOptimizer() {}

  /**
   * Schedules the update of {@code params} (in place, after every read of the trace) from their
   * gradients, and of the optimizer's slots.
   */
  static void schedule(TfOps ops, TrainingStep step, List<String> params, List<Operand<TFloat32>> grads) {
    String base = "optimizer/" + step.name() + "/";
    Ops tf = ops.tf();
    if (step.optimizer() instanceof OptimizerSpec.Adam adam) {
      Operand<TFloat32> t = tf.math.add(ops.read(base + "t"), tf.constant(1f));
      ops.schedule(base + "t", t);
      Operand<TFloat32> beta1Power = tf.math.exp(tf.math.mul(t, tf.constant((float) Math.log(adam.beta1()))));
      Operand<TFloat32> beta2Power = tf.math.exp(tf.math.mul(t, tf.constant((float) Math.log(adam.beta2()))));
      Operand<TFloat32> epsilon = tf.math.mul(tf.constant((float) adam.epsilon()),
          tf.math.sqrt(tf.math.sub(tf.constant(1f), beta2Power)));
      for (int i = 0; i < params.size(); i++) {
        String p = params.get(i);
        Operand<TFloat32> g = withDecay(ops, grads.get(i), p, adam.weightDecay());
        ops.scheduleInPlace(ordered -> ordered.train.resourceApplyAdam(handle(ops, p), handle(ops, base + p + "/m"),
            handle(ops, base + p + "/v"), beta1Power, beta2Power, tf.constant((float) adam.learningRate()),
            tf.constant((float) adam.beta1()), tf.constant((float) adam.beta2()), epsilon, g));
      }
      return;
    }
    OptimizerSpec.Sgd sgd = (OptimizerSpec.Sgd) step.optimizer();
    Operand<TFloat32> lr = tf.constant((float) sgd.learningRate());
    for (int i = 0; i < params.size(); i++) {
      String p = params.get(i);
      Operand<TFloat32> g = withDecay(ops, grads.get(i), p, sgd.weightDecay());
      if (sgd.momentum() > 0) {
        // velocity = mu velocity + g; p -= lr velocity (the kernel's accumulation, without Nesterov).
        ops.scheduleInPlace(ordered -> ordered.train.resourceApplyMomentum(handle(ops, p),
            handle(ops, base + p + "/velocity"), lr, g, tf.constant((float) sgd.momentum())));
      } else {
        ops.scheduleInPlace(ordered -> ordered.train.resourceApplyGradientDescent(handle(ops, p), lr, g));
      }
    }
  }

  private static Operand<TFloat32> withDecay(TfOps ops, Operand<TFloat32> g, String param, double weightDecay) {
    Ops tf = ops.tf();
    return weightDecay > 0 ? tf.math.add(g, tf.math.mul(ops.read(param), tf.constant((float) weightDecay))) : g;
  }

  private static Operand<?> handle(TfOps ops, String name) {
    return ops.session().variable(name).handle();
  }
}
