package org.latentlab.plugins.adversarial;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.BatchContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A CNN classifier ({@link ClassifierNetwork}) trained with Adam on the softmax cross-entropy, optionally
 * on adversarial examples: with an attack {@code A}, the objective is
 * {@code w J(x, y) + (1 - w) J(A(x, y), y)} for a clean-loss weight {@code w}. With FGSM and {@code w = 0.5}
 * this is the adversarial objective of Goodfellow et al. (2015); with PGD and {@code w = 0} the saddle-point
 * training of Madry et al. (2018), {@code min_theta E max_{||d||_inf <= eps} J(x + d, y)}, whose inner
 * maximisation PGD approximates.
 *
 * <p>The attack runs between steps, not inside the step's loss: {@link #prepareBatch} runs the model's own
 * {@link InputGradient} function compiled against the training session, at the weights of the moment, and
 * hands the adversarial images to the step as {@code x-adv}. The step's gradient is then first-order (the
 * examples are constants of the step, as in Madry et al.'s Danskin argument), so it trains on every backend.
 */
final class RobustClassifier implements Model {
  static final String STEP = "classifier";
  static final String ADVERSARIAL_INPUT = "x-adv";

  private final ClassifierNetwork network;
  private final Optional<LinfAttack> attack;
  private final float cleanWeight;
  private final double learningRate;
  private final InferenceFunction gradient;

  /**
   * @param attack      the attack to train against; empty: standard training
   * @param cleanWeight {@code w}, the clean loss's weight in [0, 1] (1 when there is no attack)
   */
  RobustClassifier(ClassifierNetwork network, Optional<LinfAttack> attack, double cleanWeight, double learningRate) {
    this.network = network;
    this.attack = attack;
    this.cleanWeight = attack.isPresent() ? (float) cleanWeight : 1f;
    this.learningRate = learningRate;
    this.gradient = InputGradient.of(network::logits);
  }

  @Override
  public TrainingProgram program() {
    return TrainingProgram.single(new TrainingStep(STEP, this::loss, ParameterGroup.all(),
        OptimizerSpec.Adam.of(learningRate)));
  }

  /** {@code w J(x, y) + (1 - w) J(x-adv, y)}, leaving out a term whose weight is 0. */
  private Losses loss(Ops ops, Map<String, Tensor> batch) {
    MathOps m = ops.math();
    Tensor y = batch.get("y");
    Map<String, Tensor> terms = new LinkedHashMap<>();
    Tensor objective = null;
    if (cleanWeight > 0) {
      Tensor logits = network.logits(ops, batch.get("x"));
      Tensor clean = ops.losses().sparseSoftmaxCrossEntropy(logits, y);
      terms.put("clean-cross-entropy", clean);
      terms.put("clean-accuracy", Classification.accuracy(ops, logits, y));
      objective = m.scale(clean, cleanWeight);
    }
    if (cleanWeight < 1) {
      Tensor logits = network.logits(ops, batch.get(ADVERSARIAL_INPUT));
      Tensor adversarial = ops.losses().sparseSoftmaxCrossEntropy(logits, y);
      terms.put("adversarial-cross-entropy", adversarial);
      terms.put("adversarial-accuracy", Classification.accuracy(ops, logits, y));
      Tensor weighted = m.scale(adversarial, 1 - cleanWeight);
      objective = objective == null ? weighted : m.add(objective, weighted);
    }
    return new Losses(objective, terms);
  }

  /** Adds {@code x-adv}, the attack's examples against the current weights, when training against an attack. */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, BatchContext context) {
    if (attack.isEmpty()) {
      return batch;
    }
    HostTensor adversarial = attack.get().perturb(context.functions().compiled(gradient), batch.get("x"),
        batch.get("y"), context.random());
    Map<String, HostTensor> out = new HashMap<>(batch);
    out.put(ADVERSARIAL_INPUT, adversarial);
    return out;
  }

  /**
   * Refuses to prepare a batch without the run's context when training against an attack: the attack needs
   * the model's functions at the current weights.
   */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    if (attack.isPresent()) {
      throw new IllegalStateException("adversarial training makes its examples with the model's functions at the"
          + " current weights: call prepareBatch with a BatchContext");
    }
    return batch;
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return network.functions();
  }
}
