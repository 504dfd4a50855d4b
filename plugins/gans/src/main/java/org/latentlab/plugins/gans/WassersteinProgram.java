package org.latentlab.plugins.gans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * The two training steps of WGAN-GP (Gulrajani et al. 2017, Algorithm 1): the step {@value #CRITIC} runs
 * {@code criticSteps} times, then {@value #GENERATOR} once, each on a fresh batch and fresh noise
 * {@code z ~ N(0, I)}, each with its own Adam over the parameters under its own scope.
 *
 * <ul>
 *   <li>critic: minimise {@code E[D(G(z))] - E[D(x)] + lambda GP}, with {@code GP} the
 *       {@link GradientPenalty} and the samples cut from the generator's graph; it reports
 *       {@code wasserstein}, the critic's estimate {@code E[D(x)] - E[D(G(z))]} of the Wasserstein-1
 *       distance, and {@code penalty} ({@code GP} without its weight).</li>
 *   <li>generator: minimise {@code -E[D(G(z))]}; it reports {@code critic-fake}, {@code E[D(G(z))]}.</li>
 * </ul>
 *
 * @param latentDim     size of the noise {@code z}
 * @param penaltyWeight {@code lambda}
 * @param optimizer     the Adam both steps use (each with its own slots)
 * @param criticSteps   critic steps per generator step ({@code n_critic} in the paper)
 */
record WassersteinProgram(int latentDim, float penaltyWeight, OptimizerSpec.Adam optimizer, int criticSteps) {
  /** Name of the critic's step, and the scope of its parameters. */
  static final String CRITIC = "critic";
  /** Name of the generator's step, and the scope of its parameters. */
  static final String GENERATOR = "generator";

  /** Standard-normal noise, one row per image of the batch's {@code x}. */
  Tensor noise(Ops ops, Map<String, Tensor> batch) {
    return ops.random().normal(0f, 1f, batch.get("x").dim(0), latentDim);
  }

  /** The two steps for these networks; the critic ends in one unbounded score per image. */
  TrainingProgram program(Layer generator, Layer critic) {
    TrainingStep c = new TrainingStep(CRITIC, (ops, batch) -> {
      MathOps m = ops.math();
      Tensor real = batch.get("x");
      Tensor fake = ops.stopGradient(generator.apply(ops, noise(ops, batch)));
      Tensor wasserstein = m.sub(m.mean(critic.apply(ops, real)), m.mean(critic.apply(ops, fake)));
      Tensor penalty = GradientPenalty.of(ops, critic, real, fake);
      Map<String, Tensor> terms = new LinkedHashMap<>();
      terms.put("wasserstein", wasserstein);
      terms.put("penalty", penalty);
      return new Losses(m.add(m.neg(wasserstein), m.scale(penalty, penaltyWeight)), terms);
    }, ParameterGroup.under(CRITIC + "/"), optimizer);
    TrainingStep g = new TrainingStep(GENERATOR, (ops, batch) -> {
      Tensor criticFake = ops.math().mean(critic.apply(ops, generator.apply(ops, noise(ops, batch))));
      return new Losses(ops.math().neg(criticFake), Map.of("critic-fake", criticFake));
    }, ParameterGroup.under(GENERATOR + "/"), optimizer);
    return new TrainingProgram(List.of(c, g), List.of(criticSteps, 1));
  }
}
