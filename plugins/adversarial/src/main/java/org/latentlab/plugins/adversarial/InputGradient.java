package org.latentlab.plugins.adversarial;

import java.util.List;
import java.util.Map;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;

/**
 * The inference function {@code x, y -> gradient, logits} an attack runs: the gradient of the mean softmax
 * cross-entropy {@code L(x, y) = mean_i CE(f(x_i), y_i)} of a classifier {@code f} with respect to its input
 * images, {@code d L / d x} ({@code [n, c, h, w]}), and the logits {@code f(x)}. It takes first-order input
 * gradients in an inference function (capability {@code input-gradients}), which both backends have.
 */
final class InputGradient {
  /** Logits {@code [n, classes]} of images {@code x}, written against {@link Ops}. */
  @FunctionalInterface
  interface Classifier {
    Tensor logits(Ops ops, Tensor x);
  }

  private InputGradient() {}

  /** The gradient function of {@code classifier}. */
  static InferenceFunction of(Classifier classifier) {
    return (ops, in) -> {
      Tensor x = in.get("x");
      Tensor logits = classifier.logits(ops, x);
      Tensor loss = ops.losses().sparseSoftmaxCrossEntropy(logits, in.get("y"));
      return Map.of("gradient", ops.gradients(loss, List.of(x)).get(0), "logits", logits);
    };
  }

  /** The gradient function of a model's {@code classify} function ({@code x -> logits}). */
  static InferenceFunction ofClassify(InferenceFunction classify) {
    return of((ops, x) -> classify.apply(ops, Map.of("x", x)).get("logits"));
  }
}
