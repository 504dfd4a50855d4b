package org.latentlab.plugins.gans;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Model;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.TrainingProgram;

/**
 * WGAN-GP (Gulrajani, Ahmed, Arjovsky, Dumoulin &amp; Courville, "Improved Training of Wasserstein GANs",
 * NeurIPS 2017): a critic {@code D} estimates the Wasserstein-1 distance
 * {@code max_{||D||_L <= 1} E[D(x)] - E[D(G(z))]} between the data and the generator's distribution and
 * the generator minimises it. Instead of clipping the critic's weights (Arjovsky et al. 2017) the
 * Lipschitz constraint is a {@link GradientPenalty}: critic loss
 * {@code E[D(G(z))] - E[D(x)] + lambda E[(||grad_xhat D(xhat)||_2 - 1)^2]}, generator loss
 * {@code -E[D(G(z))]}, {@code n_critic} critic steps per generator step ({@link WassersteinProgram}).
 * The critic is the DCGAN discriminator of {@link Networks} without batch norm (the penalty is per
 * sample; batch statistics would couple the samples) and with strided convolutions, no pooling; the
 * generator is the DCGAN generator. The penalty's gradient is a gradient of a gradient, so the model
 * needs {@link Capability#HIGHER_ORDER_GRADIENTS}.
 *
 * <p>Functions: {@code generate} ({@code z [n, latentDim] -> x [n, c, h, w]}, in (0, 1)).
 */
public final class WganGp implements Model {
  private final Layer generator;
  private final Layer critic;
  private final WassersteinProgram program;

  WganGp(Layer generator, Layer critic, WassersteinProgram program) {
    this.generator = generator;
    this.critic = critic;
    this.program = program;
  }

  @Override
  public TrainingProgram program() {
    return program.program(generator, critic);
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(Functions.GENERATE, (ops, in) -> Map.of("x", generator.apply(ops, in.get("z"))));
  }

  @Override
  public OptionalInt noiseSize() {
    return OptionalInt.of(program.latentDim());
  }

  @Override
  public Set<Capability> requiredCapabilities() {
    return Set.of(Capability.HIGHER_ORDER_GRADIENTS);
  }
}
