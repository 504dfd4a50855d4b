package org.latentlab.plugins.gans;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.latentlab.api.data.DataShape;
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
 * {@code min_G max_D E[log D(x | y)] + E[log(1 - D(G(z | y) | y))]}, with the MLPs of the paper or
 * convolutional networks with a projection discriminator ({@link ConditionalNetworks}). Generated images in
 * a step take the labels of the step's real batch, so classes are drawn as often as the data holds them.
 * Losses as in {@link AdversarialProgram}; samples come from the {@link GeneratorAverage} where kept.
 *
 * <p>Functions: {@code generate-conditional} ({@code z [n, latentDim]}, {@code y [n]} class indices as
 * floats {@code -> x}), and {@code generate} ({@code z -> x}) with classes drawn uniformly, a sample of the
 * model's distribution when the classes are balanced.
 */
public final class ConditionalGan implements Model {
  private final ConditionalNetworks networks;
  private final int classes;
  private final AdversarialProgram program;
  private final Optional<GeneratorAverage> average;

  ConditionalGan(ConditionalGanParameters p, ModelContext context) {
    DataShape data = context.data();
    if (data.numClasses() < 2) {
      throw new IllegalArgumentException("conditional-gan: needs labelled data with at least 2 classes (has "
          + data.numClasses() + ")");
    }
    this.classes = data.numClasses();
    Scope g = context.scope().child(AdversarialProgram.GENERATOR);
    Scope d = context.scope().child(AdversarialProgram.DISCRIMINATOR);
    this.networks = p.architecture().equals(ConditionalGanParameters.CONV)
        ? ConditionalNetworks.conv(g, d, p.latentDim(), p.channels(), data)
        : ConditionalNetworks.mlp(g, d, p.latentDim(), p.hidden(), data);
    this.average = p.averageDecay() > 0
        ? Optional.of(GeneratorAverage.declare(g, p.averageDecay().floatValue()))
        : Optional.empty();
    this.program = p.program();
  }

  private Tensor oneHot(Ops ops, Tensor labels) {
    return ops.shape().oneHot(labels, classes);
  }

  @Override
  public TrainingProgram program() {
    return program.program(
        (ops, z, batch) -> networks.generate(ops, z, oneHot(ops, batch.get("y"))),
        (ops, x, batch) -> networks.discriminate(ops, x, oneHot(ops, batch.get("y"))),
        average);
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.GENERATE, (ops, in) -> {
          Tensor z = in.get("z");
          return Map.of("x", sample(ops, z, UniformIndices.draw(ops, classes, z.dim(0))));
        },
        Functions.GENERATE_CONDITIONAL, (ops, in) -> Map.of("x", sample(ops, in.get("z"), in.get("y"))));
  }

  private Tensor sample(Ops ops, Tensor z, Tensor labels) {
    Ops sampling = average.map(a -> a.averaged(ops)).orElse(ops);
    return networks.generate(sampling, z, oneHot(sampling, labels));
  }

  @Override
  public OptionalInt noiseSize() {
    return OptionalInt.of(program.latentDim());
  }
}
