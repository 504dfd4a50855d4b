package org.latentlab.plugins.gans;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * A small style-based generator (Karras, Laine &amp; Aila, "A Style-Based Generator Architecture for
 * Generative Adversarial Networks", CVPR 2019) for square images of side {@code s = 4b}:
 *
 * <ul>
 *   <li>mapping network: {@code z} normalised to unit mean square ("pixel norm"), then {@code mappingLayers}
 *       Dense layers with LeakyReLU(0.2), giving the intermediate code {@code w} (size {@code latentDim});</li>
 *   <li>synthesis network: a learned constant {@code [channels, b, b]} and {@value #STYLE_LAYERS}
 *       {@link SynthesisLayer}s, two per resolution {@code b, 2b, 4b} (e.g. 7, 14, 28), each with its own
 *       style input, noise and {@link AdaIn}; {@code channels} channels, half of them at {@code 4b}; a 1x1
 *       convolution and a sigmoid to the image.</li>
 * </ul>
 *
 * <p>Each layer takes its own copy of {@code w}, so layers may take their styles from different codes:
 * {@link #mixedStyles} gives the first layers (coarse resolutions) one code's {@code w} and the rest
 * another's, the paper's style mixing.
 */
final class StyleGenerator {
  /** Style inputs of the synthesis network, coarsest first. */
  static final int STYLE_LAYERS = 6;
  private static final float EPSILON = 1e-8f;

  private final Sequential mapping;
  private final String constant;
  private final List<SynthesisLayer> layers = new ArrayList<>();
  private final Conv2d toImage;
  private final int latentDim;

  StyleGenerator(Scope scope, int latentDim, int mappingLayers, int channels, DataShape data) {
    if (data.height() != data.width() || data.height() % 4 != 0) {
      throw new IllegalArgumentException("stylegan: needs square images whose side is a multiple of 4 (has "
          + data.height() + "x" + data.width() + ")");
    }
    this.latentDim = latentDim;
    List<Layer> mlp = new ArrayList<>();
    for (int i = 0; i < mappingLayers; i++) {
      mlp.add(new Dense(scope.child("mapping").child("fc" + (i + 1)), latentDim, latentDim, Initializers.heNormal()));
      mlp.add(Activation.leakyRelu(Networks.LEAK));
    }
    this.mapping = Sequential.of(mlp.toArray(Layer[]::new));
    int base = data.height() / 4;
    int half = Math.max(1, channels / 2);
    this.constant = scope.store().trainable(scope.name("constant"), new int[] {1, channels, base, base},
        Initializers.ones(), channels, channels);
    Scope synthesis = scope.child("synthesis");
    layers.add(new SynthesisLayer(synthesis.child("layer0"), 0, channels, base, false, latentDim));
    layers.add(new SynthesisLayer(synthesis.child("layer1"), channels, channels, base, false, latentDim));
    layers.add(new SynthesisLayer(synthesis.child("layer2"), channels, channels, 2 * base, true, latentDim));
    layers.add(new SynthesisLayer(synthesis.child("layer3"), channels, channels, 2 * base, false, latentDim));
    layers.add(new SynthesisLayer(synthesis.child("layer4"), channels, half, 4 * base, true, latentDim));
    layers.add(new SynthesisLayer(synthesis.child("layer5"), half, half, 4 * base, false, latentDim));
    this.toImage = new Conv2d(synthesis.child("to-image"), half, data.channels(), 1, 1, 0, Initializers.glorotNormal());
  }

  /** The intermediate code {@code w [n, latentDim]} of noise {@code z [n, latentDim]}. */
  Tensor map(Ops ops, Tensor z) {
    MathOps m = ops.math();
    Tensor unit = m.div(z, m.sqrt(m.addScalar(m.mean(m.square(z), true, 1), EPSILON)));
    return mapping.apply(ops, unit);
  }

  /**
   * Per-layer styles taking {@code w} for the layers {@code i} with {@code i + 1/2 < t L} and {@code wMixed}
   * for the others; {@code t [n, 1]} in [0, 1] per image.
   */
  static List<Tensor> mixedStyles(Ops ops, Tensor w, Tensor wMixed, Tensor t) {
    MathOps m = ops.math();
    Tensor depth = m.scale(t, STYLE_LAYERS);
    Tensor difference = m.sub(w, wMixed);
    List<Tensor> styles = new ArrayList<>();
    for (int i = 0; i < STYLE_LAYERS; i++) {
      Tensor fromW = m.greater(depth, ops.scalar(i + 0.5f));
      styles.add(m.add(wMixed, m.mul(fromW, difference)));
    }
    return styles;
  }

  /** The same style {@code w} for every layer. */
  static List<Tensor> sameStyles(Tensor w) {
    return java.util.Collections.nCopies(STYLE_LAYERS, w);
  }

  /** Images {@code [n, c, s, s]} in (0, 1) for one style per layer; {@code freshNoise} draws new noise. */
  Tensor synthesize(Ops ops, List<Tensor> styles, boolean freshNoise) {
    int n = styles.get(0).dim(0);
    Tensor x = ops.math().add(ops.param(constant), ops.constant(HostTensor.zeros(n, 1, 1, 1)));
    for (int i = 0; i < STYLE_LAYERS; i++) {
      x = layers.get(i).apply(ops, x, styles.get(i), freshNoise);
    }
    return ops.nn().sigmoid(toImage.apply(ops, x));
  }

  /** Size of {@code z} and {@code w}. */
  int latentDim() {
    return latentDim;
  }
}
