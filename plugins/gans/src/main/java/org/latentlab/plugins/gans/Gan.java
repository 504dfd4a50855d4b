package org.latentlab.plugins.gans;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.spi.Model;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.TrainingProgram;

/**
 * An unconditional GAN (Goodfellow et al., "Generative Adversarial Nets", NeurIPS 2014): a generator
 * {@code G} maps noise {@code z ~ N(0, I)} to images, a discriminator {@code D} gives the probability
 * that an image is real, and the two play {@code min_G max_D E[log D(x)] + E[log(1 - D(G(z)))]}.
 * Training alternates the steps of {@link AdversarialProgram}: the discriminator's binary cross-entropy
 * on real against generated images, then the generator's {@link GeneratorLoss} (minimax or
 * non-saturating), each with its own Adam over its own parameters ({@code generator/...},
 * {@code discriminator/...}). The networks are MLPs for {@code gan} and convolutional for {@code dcgan}
 * (Radford et al. 2016); see {@link Networks}.
 *
 * <p>Functions: {@code generate} ({@code z [n, latentDim] -> x [n, c, h, w]}, in (0, 1)); given
 * standard-normal {@code z} it samples the model's distribution, with the {@link GeneratorAverage} of the
 * generator's weights where the model keeps one.
 */
public final class Gan implements Model {
  private final Layer generator;
  private final Layer discriminator;
  private final AdversarialProgram program;
  private final Optional<GeneratorAverage> average;

  Gan(Layer generator, Layer discriminator, AdversarialProgram program, Optional<GeneratorAverage> average) {
    this.generator = generator;
    this.discriminator = discriminator;
    this.program = program;
    this.average = average;
  }

  @Override
  public TrainingProgram program() {
    return program.program((ops, z, batch) -> generator.apply(ops, z), (ops, x, batch) -> discriminator.apply(ops, x),
        average);
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(Functions.GENERATE, (ops, in) -> {
      Ops sampling = average.map(a -> a.averaged(ops)).orElse(ops);
      return Map.of("x", generator.apply(sampling, in.get("z")));
    });
  }

  @Override
  public OptionalInt noiseSize() {
    return OptionalInt.of(program.latentDim());
  }
}
