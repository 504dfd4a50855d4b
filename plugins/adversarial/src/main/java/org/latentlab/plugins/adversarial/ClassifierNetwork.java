package org.latentlab.plugins.adversarial;

import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;

/**
 * The small CNN every model of the family classifies with: an encoder Conv(c -> ch, k4 s2 p1) + ReLU,
 * Conv(ch -> 2ch, k4 s2 p1) + ReLU, flatten, Dense -> code (with a ReLU unless the code is linear), and a
 * linear head Dense(code -> classes) giving logits. Parameters live under {@code encoder/} and {@code head/}
 * of the scope it is built in. It offers {@code classify} ({@code x -> logits}) and {@code encode}
 * ({@code x -> z}, the code).
 */
final class ClassifierNetwork {
  static final String ENCODER = "encoder";
  static final String HEAD = "head";

  private final Sequential encoder;
  private final Dense head;

  private ClassifierNetwork(Sequential encoder, Dense head) {
    this.encoder = encoder;
    this.head = head;
  }

  /**
   * The network for images of {@code data}, with {@code channels} in the first conv block and a code of
   * {@code codeDim} units, linear when {@code linearCode} (else after a ReLU).
   */
  static ClassifierNetwork build(Scope scope, DataShape data, int channels, int codeDim, boolean linearCode) {
    Scope enc = scope.child(ENCODER);
    Conv2d first = new Conv2d(enc.child("conv1"), data.channels(), channels, 4, 2, 1);
    Conv2d second = new Conv2d(enc.child("conv2"), channels, 2 * channels, 4, 2, 1);
    int h = second.outputSize(first.outputSize(data.height()));
    int w = second.outputSize(first.outputSize(data.width()));
    if (h < 1 || w < 1) {
      throw new IllegalArgumentException("images of " + data.height() + "x" + data.width()
          + " are too small for two stride-2 convolutions");
    }
    Layer codeActivation = linearCode ? Activation.identity() : Activation.relu();
    Sequential encoder = Sequential.of(first, Activation.relu(), second, Activation.relu(), Reshape.flatten(),
        new Dense(enc.child("code"), 2 * channels * h * w, codeDim), codeActivation);
    return new ClassifierNetwork(encoder, new Dense(scope.child(HEAD), codeDim, data.numClasses()));
  }

  /** The code {@code [n, codeDim]} of images {@code x}. */
  Tensor code(Ops ops, Tensor x) {
    return encoder.apply(ops, x);
  }

  /** The class logits {@code [n, classes]} of codes {@code z}. */
  Tensor logitsOfCode(Ops ops, Tensor z) {
    return head.apply(ops, z);
  }

  /** The class logits of images {@code x}. */
  Tensor logits(Ops ops, Tensor x) {
    return logitsOfCode(ops, code(ops, x));
  }

  /** {@code classify} ({@code x -> logits}) and {@code encode} ({@code x -> z}). */
  Map<String, InferenceFunction> functions() {
    return Map.of(
        Model.Functions.CLASSIFY, (ops, in) -> Map.of("logits", logits(ops, in.get("x"))),
        Model.Functions.ENCODE, (ops, in) -> Map.of("z", code(ops, in.get("x"))));
  }
}
