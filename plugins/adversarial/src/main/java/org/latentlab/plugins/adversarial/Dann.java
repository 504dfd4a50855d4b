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
import org.latentlab.api.ops.MathOps;
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
 * Domain-adversarial training (DANN; Ganin et al., "Domain-Adversarial Training of Neural Networks", JMLR
 * 2016). The labelled images of a batch ({@code y >= 0}) are the source domain, the unlabelled ones
 * ({@code y = -1}, as {@code digit-domains} gives its target images) the target domain. A feature extractor
 * {@code G_f} ({@link ClassifierNetwork}'s encoder) feeds a label predictor {@code G_y} (its head) and, through
 * a {@link GradientReversal} layer, a domain classifier {@code G_d} (an MLP). One minimisation of
 * {@code E = L_y(source) + L_d(all)} (cross-entropy of the labels on the source images; binary cross-entropy
 * of the domain, 1 for target) trains {@code G_y} and {@code G_d} to predict while the reversal makes
 * {@code G_f} maximise {@code lambda L_d}: features that predict the label and do not tell the domains apart.
 * The coefficient follows the paper's schedule {@code lambda_p = w (2 / (1 + exp(-10 p)) - 1)} over training
 * progress {@code p} (or stays {@code w}); {@code w = 0} is the source-only baseline on the same batches.
 */
final class Dann implements Model {
  static final String STEP = "dann";
  static final String DOMAIN_STEP = "domain";
  static final String DOMAIN_SCOPE = "domain";
  static final String LAMBDA = "lambda";

  private final ClassifierNetwork network;
  private final Sequential domainClassifier;
  private final DannParameters parameters;

  Dann(ClassifierNetwork network, Scope domainScope, DannParameters parameters) {
    this.network = network;
    this.parameters = parameters;
    this.domainClassifier = Sequential.of(
        new Dense(domainScope.child("hidden"), parameters.latentDim(), parameters.domainHidden()), Activation.relu(),
        new Dense(domainScope.child("out"), parameters.domainHidden(), 1));
  }

  @Override
  public TrainingProgram program() {
    TrainingStep main = new TrainingStep(STEP, this::loss, ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate()));
    if (parameters.domainSteps() == 0) {
      return TrainingProgram.single(main);
    }
    TrainingStep domain = new TrainingStep(DOMAIN_STEP, this::domainLoss, ParameterGroup.under(DOMAIN_SCOPE + "/"),
        OptimizerSpec.Adam.of(parameters.learningRate()));
    return new TrainingProgram(List.of(domain, main), List.of(parameters.domainSteps(), 1));
  }

  /** The domain classifier's own step: its cross-entropy on fixed features. */
  private Losses domainLoss(Ops ops, Map<String, Tensor> batch) {
    Tensor z = ops.stopGradient(network.code(ops, batch.get("x")));
    Tensor logits = domainClassifier.apply(ops, z);
    Tensor target = targetDomain(ops, batch.get("y"));
    return new Losses(ops.losses().binaryCrossEntropyWithLogits(logits, target),
        Map.of("domain-accuracy", Classification.binaryAccuracy(ops, logits, target)));
  }

  /** 1 for the unlabelled (target) images, 0 for the labelled (source) ones, {@code [n, 1]}. */
  private static Tensor targetDomain(Ops ops, Tensor y) {
    return ops.shape().reshape(ops.math().greater(ops.scalar(-0.5f), y), -1, 1);
  }

  private Losses loss(Ops ops, Map<String, Tensor> batch) {
    MathOps m = ops.math();
    Tensor y = batch.get("y");
    Tensor source = m.greater(y, ops.scalar(-0.5f));
    Tensor z = network.code(ops, batch.get("x"));
    Tensor label = Classification.maskedCrossEntropy(ops, network.logitsOfCode(ops, z), m.maximum(y, ops.scalar(0)),
        source);
    Tensor lambda = batch.get(LAMBDA);
    Tensor domainLogits = domainClassifier.apply(ops, GradientReversal.apply(ops, z, lambda));
    Tensor target = targetDomain(ops, y);
    Tensor domain = ops.losses().binaryCrossEntropyWithLogits(domainLogits, target);
    Map<String, Tensor> terms = new LinkedHashMap<>();
    terms.put("label-cross-entropy", label);
    terms.put("domain-cross-entropy", domain);
    terms.put("domain-accuracy", Classification.binaryAccuracy(ops, domainLogits, target));
    terms.put(LAMBDA, ops.stopGradient(m.mean(lambda)));
    return new Losses(m.add(label, domain), terms);
  }

  /** Adds the reversal coefficient {@code lambda} of this step's training progress. */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, BatchContext context) {
    Map<String, HostTensor> out = new HashMap<>(batch);
    out.put(LAMBDA, HostTensor.scalar((float) parameters.lambda(context.progress())));
    return out;
  }

  /** Refused: the coefficient's schedule needs the step's number ({@link BatchContext}). */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    throw new IllegalStateException("dann schedules its reversal coefficient by training progress: call prepareBatch"
        + " with a BatchContext");
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return network.functions();
  }
}
