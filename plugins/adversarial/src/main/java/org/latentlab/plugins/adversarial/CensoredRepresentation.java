package org.latentlab.plugins.adversarial;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.GradientReversal;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.Scope;
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
 * A representation censored of a sensitive attribute with an adversary (Edwards &amp; Storkey, "Censoring
 * Representations with an Adversary", ICLR 2016). An encoder {@code E} ({@link ClassifierNetwork}'s, with the
 * colour block and batch normalisation) maps an image to a code {@code z} that a linear head classifies (the
 * digit), while an adversary {@code A} (an MLP) predicts the binary attribute {@code s}
 * ({@link SensitiveAttribute}) from {@code z}. Before every encoder step the adversary alone takes
 * {@code adversarySteps} steps on fixed codes ({@code min_A BCE(A(z), s)}), so the encoder always faces a
 * well-fitted adversary; the encoder step is then one of:
 * <ul>
 *   <li>{@code reversal}: the paper's game {@code min_{E, head} max_A CE(head(z), y) - alpha BCE(A(z), s)} in one
 *       minimisation of {@code CE + BCE(A(R(z)), s)} through a {@link GradientReversal} layer {@code R} of
 *       coefficient {@code alpha};</li>
 *   <li>{@code confusion}: {@code min_{E, head} CE(head(z), y) + alpha BCE(A(z), 1/2)}, the encoder pushing the
 *       adversary's guess towards one half rather than towards the wrong answer (the confusion loss of Tzeng et
 *       al. 2015), the adversary fixed in this step. A wrong but confident adversary still tells a fresh probe the
 *       attribute; an unsure one does not.</li>
 * </ul>
 * {@code alpha = 0} is the unconstrained encoder.
 */
final class CensoredRepresentation implements Model {
  static final String STEP = "encoder";
  static final String ADVERSARY_STEP = "adversary";
  static final String ADVERSARY_SCOPE = "adversary";
  static final String ATTRIBUTE = "s";

  private final ClassifierNetwork network;
  private final Sequential adversary;
  private final GradientReversal reversal;
  private final CensoredRepresentationParameters parameters;
  private final int[] attribute;

  /** @param attribute the sensitive attribute of every training image, by index */
  CensoredRepresentation(ClassifierNetwork network, Scope adversaryScope, CensoredRepresentationParameters parameters,
      int[] attribute) {
    this.network = network;
    this.parameters = parameters;
    this.attribute = attribute;
    this.reversal = new GradientReversal(parameters.adversaryWeight().floatValue());
    this.adversary = Sequential.of(
        new Dense(adversaryScope.child("hidden"), parameters.latentDim(), parameters.adversaryHidden()),
        Activation.relu(), new Dense(adversaryScope.child("out"), parameters.adversaryHidden(), 1));
  }

  @Override
  public TrainingProgram program() {
    boolean confusion = parameters.confusion();
    TrainingStep main = new TrainingStep(STEP, confusion ? this::confusionLoss : this::reversalLoss,
        confusion ? ParameterGroup.under(ClassifierNetwork.ENCODER + "/", ClassifierNetwork.HEAD + "/")
            : ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate()));
    if (parameters.adversarySteps() == 0) {
      return TrainingProgram.single(main);
    }
    TrainingStep alone = new TrainingStep(ADVERSARY_STEP, this::adversaryLoss,
        ParameterGroup.under(ADVERSARY_SCOPE + "/"), OptimizerSpec.Adam.of(parameters.learningRate()));
    return new TrainingProgram(List.of(alone, main), List.of(parameters.adversarySteps(), 1));
  }

  /** {@code CE(head(z), y) + BCE(A(R(z)), s)}: one minimisation of the game through the reversal layer {@code R}. */
  private Losses reversalLoss(Ops ops, Map<String, Tensor> batch) {
    Tensor s = batch.get(ATTRIBUTE);
    Tensor z = network.code(ops, batch.get("x"));
    Tensor guess = adversary.apply(ops, reversal.apply(ops, z));
    Tensor censor = ops.losses().binaryCrossEntropyWithLogits(guess, s);
    return losses(ops, z, batch.get("y"), censor, guess, s, ops.math().add(digitLoss(ops, z, batch.get("y")), censor));
  }

  /**
   * {@code CE(head(z), y) + alpha BCE(A(z), 1/2)} over the encoder and head only: the encoder makes the adversary
   * unsure rather than wrong (the confusion loss of Tzeng et al. 2015), the adversary learning in its own steps.
   */
  private Losses confusionLoss(Ops ops, Map<String, Tensor> batch) {
    Tensor s = batch.get(ATTRIBUTE);
    Tensor z = network.code(ops, batch.get("x"));
    Tensor guess = adversary.apply(ops, z);
    Tensor unsure = ops.losses().binaryCrossEntropyWithLogits(guess, ops.math().addScalar(ops.math().scale(s, 0), 0.5f));
    Tensor censor = ops.losses().binaryCrossEntropyWithLogits(guess, s);
    Tensor objective = ops.math().add(digitLoss(ops, z, batch.get("y")),
        ops.math().scale(unsure, parameters.adversaryWeight().floatValue()));
    return losses(ops, z, batch.get("y"), censor, guess, s, objective);
  }

  private Tensor digitLoss(Ops ops, Tensor z, Tensor y) {
    return ops.losses().sparseSoftmaxCrossEntropy(network.logitsOfCode(ops, z), y);
  }

  private Losses losses(Ops ops, Tensor z, Tensor y, Tensor censor, Tensor guess, Tensor s, Tensor objective) {
    Tensor logits = network.logitsOfCode(ops, z);
    Map<String, Tensor> terms = new LinkedHashMap<>();
    terms.put("digit-cross-entropy", ops.losses().sparseSoftmaxCrossEntropy(logits, y));
    terms.put("digit-accuracy", Classification.accuracy(ops, logits, y));
    terms.put("adversary-cross-entropy", censor);
    terms.put("adversary-accuracy", Classification.binaryAccuracy(ops, guess, s));
    return new Losses(objective, terms);
  }

  /** The adversary's own step: its cross-entropy on fixed codes. */
  private Losses adversaryLoss(Ops ops, Map<String, Tensor> batch) {
    Tensor s = batch.get(ATTRIBUTE);
    Tensor guess = adversary.apply(ops, ops.stopGradient(network.code(ops, batch.get("x"))));
    return new Losses(ops.losses().binaryCrossEntropyWithLogits(guess, s),
        Map.of("adversary-accuracy", Classification.binaryAccuracy(ops, guess, s)));
  }

  /** Adds the sensitive attribute {@code s} ({@code [n, 1]}) of the batch's images, looked up by their indices. */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, BatchContext context) {
    int[] idx = context.indices();
    float[] s = new float[idx.length];
    for (int i = 0; i < idx.length; i++) {
      s[i] = attribute[idx[i]];
    }
    Map<String, HostTensor> out = new HashMap<>(batch);
    out.put(ATTRIBUTE, new HostTensor(s, new int[] {idx.length, 1}));
    return out;
  }

  /** Refused: the attribute is looked up by the images' indices ({@link BatchContext#indices()}). */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    throw new IllegalStateException("censored-representation looks up each image's sensitive attribute by its index in"
        + " the training split: call prepareBatch with a BatchContext");
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return network.functions();
  }
}
