package org.latentlab.plugins.gans;

import java.util.Map;
import java.util.OptionalInt;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.TrainingProgram;

/**
 * The conditional GAN (Mirza &amp; Osindero, "Conditional Generative Adversarial Nets", 2014): the game of
 * {@link Gan} with both players given the class {@code y} as a one-hot row {@code e_y},
 * {@code min_G max_D E[log D(x | y)] + E[log(1 - D(G(z | y) | y))]}. As in the paper, each network maps
 * its input and {@code e_y} to hidden layers of their own and joins them ({@link LabelJoin}: ReLU in the
 * generator on {@code z}, LeakyReLU in the discriminator on {@code 2x - 1}); the rest is the MLP of
 * {@link Networks} on the joined {@code 2 hidden} units. Generated images in a step take the labels of the
 * step's real batch, so classes are drawn as often as the data holds them. Losses as in
 * {@link AdversarialProgram}.
 *
 * <p>Functions: {@code generate-conditional} ({@code z [n, latentDim]}, {@code y [n]} class indices as
 * floats {@code -> x}), and {@code generate} ({@code z -> x}) with classes drawn uniformly, a sample of the
 * model's distribution when the classes are balanced.
 */
public final class ConditionalGan implements Model {
  private final LabelJoin generatorInput;
  private final Sequential generator;
  private final LabelJoin discriminatorInput;
  private final Sequential discriminator;
  private final int classes;
  private final AdversarialProgram program;

  ConditionalGan(ConditionalGanParameters p, ModelContext context) {
    DataShape data = context.data();
    if (data.numClasses() < 2) {
      throw new IllegalArgumentException("conditional-gan: needs labelled data with at least 2 classes (has "
          + data.numClasses() + ")");
    }
    this.classes = data.numClasses();
    int hidden = p.hidden();
    Scope g = context.scope().child(AdversarialProgram.GENERATOR);
    Scope d = context.scope().child(AdversarialProgram.DISCRIMINATOR);
    this.generatorInput = new LabelJoin(g.child("join"), p.latentDim(), classes, hidden, Activation.relu());
    this.generator = Networks.mlpGenerator(g, 2 * hidden, hidden, data);
    this.discriminatorInput = new LabelJoin(d.child("join"), data.imageSize(), classes, hidden,
        Activation.leakyRelu(Networks.LEAK));
    this.discriminator = Networks.mlpDiscriminator(d, 2 * hidden, hidden);
    this.program = p.program();
  }

  private Tensor oneHot(Ops ops, Tensor labels) {
    return ops.shape().oneHot(labels, classes);
  }

  private Tensor generate(Ops ops, Tensor z, Tensor labels) {
    return generator.apply(ops, generatorInput.apply(ops, z, oneHot(ops, labels)));
  }

  private Tensor discriminate(Ops ops, Tensor x, Tensor labels) {
    Tensor pixels = Networks.centred().apply(ops, ops.shape().flatten(x));
    return discriminator.apply(ops, discriminatorInput.apply(ops, pixels, oneHot(ops, labels)));
  }

  @Override
  public TrainingProgram program() {
    return program.program(
        (ops, z, batch) -> generate(ops, z, batch.get("y")),
        (ops, x, batch) -> discriminate(ops, x, batch.get("y")));
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.GENERATE, (ops, in) -> {
          Tensor z = in.get("z");
          return Map.of("x", generate(ops, z, UniformIndices.draw(ops, classes, z.dim(0))));
        },
        Functions.GENERATE_CONDITIONAL, (ops, in) -> Map.of("x", generate(ops, in.get("z"), in.get("y"))));
  }

  @Override
  public OptionalInt noiseSize() {
    return OptionalInt.of(program.latentDim());
  }
}
