package org.latentlab.plugins.gans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.LossFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * The two training steps every GAN of the family shares (Goodfellow et al. 2014, Algorithm 1): the
 * step {@value #DISCRIMINATOR} runs {@code discriminatorSteps} times, then {@value #GENERATOR} once,
 * each on a fresh batch and fresh noise {@code z ~ N(0, I)}, each updating only the parameters under its
 * own scope with its own Adam.
 *
 * <ul>
 *   <li>discriminator: minimise {@code -E[log D(x)] - E[log(1 - D(G(z)))]
 *       = E[softplus(-D_logit(x))] + E[softplus(D_logit(G(z)))]}, the samples cut from the generator's
 *       graph; it also reports {@code d-real} and {@code d-fake} (mean {@code D} on real and generated
 *       images) and {@code accuracy} (share of both classified right at threshold 1/2).</li>
 *   <li>generator: the chosen {@link GeneratorLoss}; it also reports {@code d-fake}.</li>
 * </ul>
 *
 * @param latentDim          size of the noise {@code z}
 * @param generatorLoss      the generator's objective
 * @param optimizer          the Adam both steps use (each with its own slots)
 * @param discriminatorSteps discriminator steps per generator step ({@code k} in the paper)
 */
record AdversarialProgram(int latentDim, GeneratorLoss generatorLoss, OptimizerSpec.Adam optimizer,
    int discriminatorSteps) {
  /** Name of the discriminator's step, and the scope of its parameters. */
  static final String DISCRIMINATOR = "discriminator";
  /** Name of the generator's step, and the scope of its parameters. */
  static final String GENERATOR = "generator";

  /** The program from the fields every parameters record of the family has. */
  static AdversarialProgram of(int latentDim, String generatorLoss, double learningRate, double beta1,
      int discriminatorSteps) {
    return new AdversarialProgram(latentDim, GeneratorLoss.parse(generatorLoss),
        new OptimizerSpec.Adam(learningRate, beta1, 0.999, 1e-8, 0), discriminatorSteps);
  }

  /** Standard-normal noise, one row per image of the batch's {@code x}. */
  Tensor noise(Ops ops, Map<String, Tensor> batch) {
    return ops.random().normal(0f, 1f, batch.get("x").dim(0), latentDim);
  }

  /** The two steps for these networks. */
  TrainingProgram program(Player generator, Player discriminator) {
    return program(generator, discriminator, Optional.empty());
  }

  /** The two steps for these networks, the generator's step also updating {@code average} when present. */
  TrainingProgram program(Player generator, Player discriminator, Optional<GeneratorAverage> average) {
    return program(
        (ops, batch) -> {
          Tensor fake = ops.stopGradient(generator.apply(ops, noise(ops, batch), batch));
          return discriminatorLosses(ops, discriminator.apply(ops, batch.get("x"), batch),
              discriminator.apply(ops, fake, batch));
        },
        (ops, batch) -> {
          Losses losses = generatorLosses(ops,
              discriminator.apply(ops, generator.apply(ops, noise(ops, batch), batch), batch));
          average.ifPresent(a -> a.update(ops));
          return losses;
        });
  }

  /**
   * The two steps for these losses: {@code discriminator} updates the parameters under
   * {@value #DISCRIMINATOR}{@code /}, {@code generator} those under {@value #GENERATOR}{@code /}, each with
   * its own Adam, scheduled {@code discriminatorSteps} to 1.
   */
  TrainingProgram program(LossFunction discriminator, LossFunction generator) {
    TrainingStep d = new TrainingStep(DISCRIMINATOR, discriminator, ParameterGroup.under(DISCRIMINATOR + "/"),
        optimizer);
    TrainingStep g = new TrainingStep(GENERATOR, generator, ParameterGroup.under(GENERATOR + "/"), optimizer);
    return new TrainingProgram(List.of(d, g), List.of(discriminatorSteps, 1));
  }

  /**
   * The discriminator's cross-entropy on real against generated images from its logits on each, with
   * the terms {@code d-real}, {@code d-fake} and {@code accuracy}. Trace-safe.
   */
  static Losses discriminatorLosses(Ops ops, Tensor realLogits, Tensor fakeLogits) {
    MathOps m = ops.math();
    Tensor loss = m.add(m.mean(ops.nn().softplus(m.neg(realLogits))), m.mean(ops.nn().softplus(fakeLogits)));
    Tensor zero = ops.scalar(0f);
    Tensor rightOnReal = m.mean(m.greater(realLogits, zero));
    Tensor rightOnFake = m.mean(m.greater(zero, fakeLogits));
    Map<String, Tensor> terms = new LinkedHashMap<>();
    terms.put("d-real", m.mean(ops.nn().sigmoid(realLogits)));
    terms.put("d-fake", m.mean(ops.nn().sigmoid(fakeLogits)));
    terms.put("accuracy", m.scale(m.add(rightOnReal, rightOnFake), 0.5f));
    return new Losses(loss, terms);
  }

  /** The generator's loss from the discriminator's logits on its samples, with the term {@code d-fake}. Trace-safe. */
  Losses generatorLosses(Ops ops, Tensor fakeLogits) {
    return new Losses(generatorLoss.apply(ops, fakeLogits),
        Map.of("d-fake", ops.math().mean(ops.nn().sigmoid(fakeLogits))));
  }
}
