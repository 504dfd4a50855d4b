package org.latentlab.plugins.adversarial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.BatchNorm;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.MathOps;
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
 *
 * <p>The variant {@link #withColourBlock} puts a colour block in front (each image's channels centred on their
 * means and the image scaled to unit root-mean-square, then two 1x1 convolutions, 3 -> 32 -> 16 with ReLUs,
 * mixing the colours of each pixel) and batch normalisation after every convolution and the code, for the models
 * whose encoder plays against an adversary on colour images (DANN, the censored representation): the colour
 * block can learn colour-invariant features, and batch normalisation keeps the adversary's gradient from blowing
 * up the features (without it both diverged).
 */
final class ClassifierNetwork {
  static final String ENCODER = "encoder";
  static final String HEAD = "head";
  private static final int MIX_HIDDEN = 32;
  private static final int MIX_OUT = 16;

  private final Sequential encoder;
  private final Dense head;

  private ClassifierNetwork(Sequential encoder, Dense head) {
    this.encoder = encoder;
    this.head = head;
  }

  /**
   * The plain network for images of {@code data}, with {@code channels} in the first conv block and a code of
   * {@code codeDim} units, linear when {@code linearCode} (else after a ReLU).
   */
  static ClassifierNetwork plain(Scope scope, DataShape data, int channels, int codeDim, boolean linearCode) {
    return build(scope, data, channels, codeDim, linearCode, false);
  }

  /** The network with the colour block and batch normalisation, a ReLU code of {@code codeDim} units. */
  static ClassifierNetwork withColourBlock(Scope scope, DataShape data, int channels, int codeDim) {
    return build(scope, data, channels, codeDim, false, true);
  }

  private static ClassifierNetwork build(Scope scope, DataShape data, int channels, int codeDim, boolean linearCode,
      boolean colourBlock) {
    Scope enc = scope.child(ENCODER);
    List<Layer> layers = new ArrayList<>();
    int in = data.channels();
    if (colourBlock) {
      layers.add(ClassifierNetwork::standardise);
      layers.add(new Conv2d(enc.child("mix1"), in, MIX_HIDDEN, 1, 1, 0));
      layers.add(Activation.relu());
      layers.add(new Conv2d(enc.child("mix2"), MIX_HIDDEN, MIX_OUT, 1, 1, 0));
      layers.add(Activation.relu());
      in = MIX_OUT;
    }
    Conv2d first = new Conv2d(enc.child("conv1"), in, channels, 4, 2, 1);
    Conv2d second = new Conv2d(enc.child("conv2"), channels, 2 * channels, 4, 2, 1);
    int h = second.outputSize(first.outputSize(data.height()));
    int w = second.outputSize(first.outputSize(data.width()));
    if (h < 1 || w < 1) {
      throw new IllegalArgumentException("images of " + data.height() + "x" + data.width()
          + " are too small for two stride-2 convolutions");
    }
    layers.add(first);
    addNormalised(layers, colourBlock, enc.child("bn1"), channels, Activation.relu());
    layers.add(second);
    addNormalised(layers, colourBlock, enc.child("bn2"), 2 * channels, Activation.relu());
    layers.add(Reshape.flatten());
    layers.add(new Dense(enc.child("code"), 2 * channels * h * w, codeDim));
    addNormalised(layers, colourBlock, enc.child("bn3"), codeDim, linearCode ? Activation.identity() : Activation.relu());
    return new ClassifierNetwork(new Sequential(layers), new Dense(scope.child(HEAD), codeDim, data.numClasses()));
  }

  private static void addNormalised(List<Layer> layers, boolean batchNorm, Scope scope, int channels, Layer activation) {
    if (batchNorm) {
      layers.add(new BatchNorm(scope, channels));
    }
    layers.add(activation);
  }

  /** Each image's channels minus their means, over the image's root-mean-square: {@code (x - mean_hw) / rms}. */
  private static Tensor standardise(Ops ops, Tensor x) {
    MathOps m = ops.math();
    Tensor centred = m.sub(x, m.mean(x, true, 2, 3));
    Tensor variance = m.mean(m.square(centred), true, 1, 2, 3);
    return m.div(centred, m.sqrt(m.addScalar(variance, 1e-4f)));
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
