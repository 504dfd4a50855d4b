package org.latentlab.backend.tensorflow;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.types.TFloat32;

/**
 * Gradients of the activation-gradient ops {@code ReluGrad}, {@code SigmoidGrad}, {@code TanhGrad}
 * and {@code SoftplusGrad}, which TensorFlow's C++ gradient registry lacks ({@code LeakyReluGrad} has
 * one). Without them a second-order term through an activation (a WGAN-GP gradient penalty
 * through a ReLU critic) cannot be differentiated. Registered once per process; a gradient TensorFlow
 * already has is left alone.
 */
final class ActivationGradients {
  private static boolean registered;

  private ActivationGradients() {}

  /** Registers the missing gradients (idempotent). */
  static synchronized void register() {
    if (registered) {
      return;
    }
    // ReluGrad(g, f) = g * [f > 0]: linear in g, piecewise constant in f.
    TensorFlow.registerCustomGradient("ReluGrad", (tf, op, dy) -> {
      Operand<TFloat32> mask = tf.dtypes.cast(tf.math.greater(in(op, 1), tf.constant(0f)), TFloat32.class);
      return List.of(tf.math.mul(grad(dy), mask), tf.zerosLike(in(op, 1)));
    });
    // SigmoidGrad(y, d) = d y (1 - y).
    TensorFlow.registerCustomGradient("SigmoidGrad", (tf, op, dy) -> {
      Operand<TFloat32> y = in(op, 0);
      Operand<TFloat32> d = in(op, 1);
      Operand<TFloat32> g = grad(dy);
      Operand<TFloat32> oneMinusY = tf.math.sub(tf.constant(1f), y);
      Operand<TFloat32> dY = tf.math.mul(tf.math.mul(g, d), tf.math.sub(oneMinusY, y));
      return List.of(dY, tf.math.mul(g, tf.math.mul(y, oneMinusY)));
    });
    // TanhGrad(y, d) = d (1 - y^2).
    TensorFlow.registerCustomGradient("TanhGrad", (tf, op, dy) -> {
      Operand<TFloat32> y = in(op, 0);
      Operand<TFloat32> d = in(op, 1);
      Operand<TFloat32> g = grad(dy);
      Operand<TFloat32> dY = tf.math.mul(tf.math.mul(g, d), tf.math.mul(tf.constant(-2f), y));
      return List.of(dY, tf.math.mul(g, tf.math.sub(tf.constant(1f), tf.math.square(y))));
    });
    // SoftplusGrad(g, f) = g sigmoid(f).
    TensorFlow.registerCustomGradient("SoftplusGrad", (tf, op, dy) -> {
      Operand<TFloat32> g0 = in(op, 0);
      Operand<TFloat32> s = tf.math.sigmoid(in(op, 1));
      Operand<TFloat32> g = grad(dy);
      Operand<TFloat32> dF = tf.math.mul(tf.math.mul(g, g0), tf.math.mul(s, tf.math.sub(tf.constant(1f), s)));
      return List.of(tf.math.mul(g, s), dF);
    });
    registered = true;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> in(GraphOperation op, int i) {
    return (Operand<TFloat32>) op.input(i);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> grad(List<Output<?>> dy) {
    return (Operand<TFloat32>) dy.get(0);
  }
}
