package org.latentlab.plugins.gans;

import java.util.List;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/** The two networks of a {@link ConditionalGan}, each given the class as one-hot rows {@code e_y [n, classes]}. */
interface ConditionalNetworks {
  /** Images {@code [n, c, h, w]} in (0, 1) of the classes {@code oneHot} from noise {@code z}. */
  Tensor generate(Ops ops, Tensor z, Tensor oneHot);

  /** Logits {@code [n, 1]}: how real {@code x} looks as an image of its class. */
  Tensor discriminate(Ops ops, Tensor x, Tensor oneHot);

  /**
   * The networks of Mirza &amp; Osindero (2014): input and label each mapped to a hidden layer of their own
   * ({@link LabelJoin}: ReLU in the generator on {@code z}, LeakyReLU in the discriminator on {@code 2x - 1}),
   * then the MLPs of {@link Networks} on the joined {@code 2 hidden} units.
   */
  static ConditionalNetworks mlp(Scope generator, Scope discriminator, int latentDim, int hidden, DataShape data) {
    int classes = data.numClasses();
    LabelJoin generatorInput = new LabelJoin(generator.child("join"), latentDim, classes, hidden, Activation.relu());
    Sequential g = Networks.mlpGenerator(generator, 2 * hidden, hidden, data);
    LabelJoin discriminatorInput = new LabelJoin(discriminator.child("join"), data.imageSize(), classes, hidden,
        Activation.leakyRelu(Networks.LEAK));
    Sequential d = Networks.mlpDiscriminator(discriminator, 2 * hidden, hidden);
    Layer centred = Networks.centred();
    return new ConditionalNetworks() {
      @Override
      public Tensor generate(Ops ops, Tensor z, Tensor oneHot) {
        return g.apply(ops, generatorInput.apply(ops, z, oneHot));
      }

      @Override
      public Tensor discriminate(Ops ops, Tensor x, Tensor oneHot) {
        return d.apply(ops, discriminatorInput.apply(ops, centred.apply(ops, ops.shape().flatten(x)), oneHot));
      }
    };
  }

  /**
   * Convolutional networks: the DCGAN generator of {@link Networks} on {@code [z, e_y]} (the label
   * concatenated to the noise), and a projection discriminator (Miyato &amp; Koyama, "cGANs with Projection
   * Discriminator", ICLR 2018) on the DCGAN discriminator's features {@code phi(x)}:
   * {@code D(x, y) = w . phi(x) + b + (V e_y) . phi(x)}, the class entering as an inner product with a
   * learned class embedding {@code V e_y} (under {@code discriminator/embed}) instead of as an input.
   */
  static ConditionalNetworks conv(Scope generator, Scope discriminator, int latentDim, int channels, DataShape data) {
    int classes = data.numClasses();
    Sequential g = Networks.convGenerator(generator, latentDim + classes, channels, data);
    Sequential trunk = Networks.convTrunk(discriminator, channels, data);
    int features = Networks.convTrunkWidth(channels, data);
    Dense out = new Dense(discriminator.child("out"), features, 1);
    Dense embed = new Dense(discriminator.child("embed"), classes, features);
    return new ConditionalNetworks() {
      @Override
      public Tensor generate(Ops ops, Tensor z, Tensor oneHot) {
        return g.apply(ops, ops.shape().concat(List.of(z, oneHot), 1));
      }

      @Override
      public Tensor discriminate(Ops ops, Tensor x, Tensor oneHot) {
        MathOps m = ops.math();
        Tensor phi = trunk.apply(ops, x);
        Tensor projection = m.sum(m.mul(embed.apply(ops, oneHot), phi), true, 1);
        return m.add(out.apply(ops, phi), projection);
      }
    };
  }
}
