package org.latentlab.plugins.gans;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.BatchNorm;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.ConvTranspose2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;

/**
 * The generators and discriminators of the family. Generators end in a sigmoid, so samples lie in
 * (0, 1) like the data; discriminators see their images rescaled to [-1, 1] and end in one logit.
 */
final class Networks {
  /** Slope of the discriminators' LeakyReLU for negative inputs. */
  static final float LEAK = 0.2f;

  private Networks() {}

  /** Values in [0, 1] to [-1, 1]: {@code 2x - 1}. */
  static Layer centred() {
    return (ops, x) -> ops.math().addScalar(ops.math().scale(x, 2f), -1f);
  }

  /**
   * MLP generator (Goodfellow et al. 2014): Dense(in, hidden) + ReLU, Dense(hidden, hidden) + ReLU,
   * Dense(hidden, pixels) + sigmoid, reshaped to the images.
   */
  static Sequential mlpGenerator(Scope scope, int in, int hidden, DataShape data) {
    return Sequential.of(
        new Dense(scope.child("fc1"), in, hidden, Initializers.heNormal()), Activation.relu(),
        new Dense(scope.child("fc2"), hidden, hidden, Initializers.heNormal()), Activation.relu(),
        new Dense(scope.child("out"), hidden, data.imageSize()), Activation.sigmoid(),
        Reshape.to(data.channels(), data.height(), data.width()));
  }

  /**
   * MLP discriminator on flat rows of width {@code in}: Dense(in, hidden) + LeakyReLU(0.2),
   * Dense(hidden, hidden) + LeakyReLU(0.2), Dense(hidden, 1). (The paper used maxout units.)
   */
  static Sequential mlpDiscriminator(Scope scope, int in, int hidden) {
    return Sequential.of(
        new Dense(scope.child("fc1"), in, hidden, Initializers.heNormal()), Activation.leakyRelu(LEAK),
        new Dense(scope.child("fc2"), hidden, hidden, Initializers.heNormal()), Activation.leakyRelu(LEAK),
        new Dense(scope.child("out"), hidden, 1));
  }

  /**
   * DCGAN generator (Radford et al. 2016) for square images of side {@code s}: project {@code z} with
   * Dense to {@code 2ch x s/4 x s/4} + batch norm + ReLU, ConvT(2ch -> ch, k4 s2 p1) + batch norm + ReLU,
   * ConvT(ch -> c, k4 s2 p1) + sigmoid (the paper's tanh, for data in [0, 1]). Output padding restores an
   * odd side at each doubling (28 -> 14 -> 7 needs none; 7 -> 3 -> 1 needs it twice).
   */
  static Sequential convGenerator(Scope scope, int latentDim, int ch, DataShape data) {
    ConvGeometry g = ConvGeometry.of(data);
    return Sequential.of(
        new Dense(scope.child("project"), latentDim, 2 * ch * g.inner() * g.inner()),
        Reshape.to(2 * ch, g.inner(), g.inner()), new BatchNorm(scope.child("bn0"), 2 * ch), Activation.relu(),
        new ConvTranspose2d(scope.child("deconv1"), 2 * ch, ch, 4, 2, 1, g.innerPadding(), Initializers.heNormal()),
        new BatchNorm(scope.child("bn1"), ch), Activation.relu(),
        new ConvTranspose2d(scope.child("deconv2"), ch, data.channels(), 4, 2, 1, g.outerPadding(),
            Initializers.glorotNormal()),
        Activation.sigmoid());
  }

  /**
   * The {@link #convDiscriminator} with a {@link MinibatchStddev} channel before its last layer, as in
   * StyleGAN's discriminator (Karras et al. 2019, after Karras et al. 2018).
   */
  static Sequential styleDiscriminator(Scope scope, int ch, DataShape data) {
    ConvGeometry g = ConvGeometry.of(data);
    return Sequential.of(
        centred(),
        new Conv2d(scope.child("conv1"), data.channels(), ch, 4, 2, 1), Activation.leakyRelu(LEAK),
        new Conv2d(scope.child("conv2"), ch, 2 * ch, 4, 2, 1), Activation.leakyRelu(LEAK),
        new MinibatchStddev(),
        Reshape.flatten(),
        new Dense(scope.child("out"), (2 * ch + 1) * g.inner() * g.inner(), 1));
  }

  /**
   * DCGAN discriminator: {@link #convTrunk} then Dense to one logit (under {@code <scope>/out}).
   */
  static Sequential convDiscriminator(Scope scope, int ch, DataShape data) {
    return Sequential.of(convTrunk(scope, ch, data), new Dense(scope.child("out"), convTrunkWidth(ch, data), 1));
  }

  /**
   * The DCGAN discriminator's convolutional trunk: Conv(c -> ch, k4 s2 p1) + LeakyReLU(0.2),
   * Conv(ch -> 2ch, k4 s2 p1) + LeakyReLU(0.2), flatten to {@link #convTrunkWidth} features. Strided
   * convolutions, no pooling. Unlike the paper it has no batch norm: a critic without batch statistics is
   * what a per-sample gradient penalty (WGAN-GP) needs, so the family can share it. Heads on it (the
   * real/fake logit; InfoGAN's Q) live under the same scope.
   */
  static Sequential convTrunk(Scope scope, int ch, DataShape data) {
    return convTrunk(scope, ch, data, false);
  }

  /**
   * {@link #convTrunk(Scope, int, DataShape)}, with batch norm after the second convolution (under
   * {@code <scope>/bn2}, as the DCGAN and InfoGAN papers' discriminators) when {@code batchNorm}.
   */
  static Sequential convTrunk(Scope scope, int ch, DataShape data, boolean batchNorm) {
    List<Layer> layers = new ArrayList<>(List.of(
        centred(),
        new Conv2d(scope.child("conv1"), data.channels(), ch, 4, 2, 1), Activation.leakyRelu(LEAK),
        new Conv2d(scope.child("conv2"), ch, 2 * ch, 4, 2, 1)));
    if (batchNorm) {
      layers.add(new BatchNorm(scope.child("bn2"), 2 * ch));
    }
    layers.add(Activation.leakyRelu(LEAK));
    layers.add(Reshape.flatten());
    return new Sequential(layers);
  }

  /** Width of the features {@link #convTrunk} gives: {@code 2ch x inner x inner}. */
  static int convTrunkWidth(int ch, DataShape data) {
    ConvGeometry g = ConvGeometry.of(data);
    return 2 * ch * g.inner() * g.inner();
  }
}
