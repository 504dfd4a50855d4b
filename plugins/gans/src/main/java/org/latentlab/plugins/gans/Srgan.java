package org.latentlab.plugins.gans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * SRGAN-style single-image super-resolution (Ledig et al., "Photo-Realistic Single Image Super-Resolution Using a
 * Generative Adversarial Network", CVPR 2017). The low-resolution input is made inside the model from any image
 * batch: {@code x_lr = AvgPool_f(x)}, area downsampling by the factor {@code f} (2 or 4; 28x28 digits become 14x14
 * or 7x7). The generator {@code G} is a small {@link SrResNet} upscaling {@code x_lr} back to {@code x}'s size.
 *
 * <p>Losses, with {@code x_sr = G(x_lr)}:
 * <ul>
 *   <li>{@code mse}: {@code L_G = mean((x_sr - x)^2)}, pixel MSE alone, one step, no discriminator: the paper's
 *       SRResNet baseline, which maximises PSNR and blurs what it cannot pin down.</li>
 *   <li>{@code perceptual}: {@code L_G = mean((x_sr - x)^2) + w_adv E[softplus(-D_logit(x_sr))]
 *       + w_feat mean((phi(x_sr) - phi(x))^2)}: pixel MSE, the non-saturating adversarial loss ({@code -log D(x_sr)}
 *       of the paper) and an MSE in the features {@code phi} of a classifier (the paper's VGG loss, here in the
 *       penultimate features of a digit classifier, "in the domain classifier's features"). The discriminator
 *       {@code D} (the strided-conv network of {@link Networks#convDiscriminator}) minimises
 *       {@code E[softplus(-D_logit(x))] + E[softplus(D_logit(x_sr))]} on real images against super-resolved ones
 *       ({@link AdversarialProgram#discriminatorLosses}). A weight of 0 leaves its network out.</li>
 * </ul>
 *
 * <p>The feature network. The domain classifier itself lives in the evaluators plugin, which trains and caches it
 * after a run's training; plugins never depend on each other, and the API has no way yet to hand a model another
 * plugin's trained network. So the model trains its own classifier of the same architecture ({@link
 * FeatureClassifier}) on the labelled training batches: the step {@value #CLASSIFIER} minimises softmax
 * cross-entropy on the real images and labels and updates only {@code classifier/...}; the generator's feature
 * loss reads it but never changes it (each step updates only its own group). It runs first in every iteration,
 * so the features the generator matches sharpen as the classifier learns, the way a pretrained VGG would be
 * replaced by one trained alongside. The evaluators' domain classifier (other seed, trained afresh) then judges the
 * outputs, so a better accuracy is not an artefact of optimising against the judge's own weights.
 *
 * <p>Steps: {@code mse}: {@value AdversarialProgram#GENERATOR}; {@code perceptual}: {@value #CLASSIFIER} (when
 * {@code featureWeight > 0}), {@value AdversarialProgram#DISCRIMINATOR} (when {@code adversarialWeight > 0}),
 * {@value AdversarialProgram#GENERATOR}, each with its own Adam. Functions: {@code super-resolve} ({@code x -> G(
 * AvgPool_f(x))} clipped to [0, 1], the size of {@code x}) and {@code low-resolution} ({@code x -> AvgPool_f(x)}).
 */
public final class Srgan implements Model {
  /** Name of the feature classifier's step, and the scope of its parameters. */
  static final String CLASSIFIER = "classifier";

  private final int factor;
  private final SrResNet generator;
  private final Layer discriminator;
  private final FeatureClassifier classifier;
  private final float adversarialWeight;
  private final float featureWeight;
  private final OptimizerSpec.Adam optimizer;

  Srgan(SrganParameters p, ModelContext context) {
    DataShape data = context.data();
    this.factor = p.factor();
    if (data.height() % factor != 0 || data.width() % factor != 0) {
      throw new IllegalArgumentException("srgan: factor " + factor + " must divide the image sides (got "
          + data.height() + "x" + data.width() + "); use factor 2 or images whose sides are multiples of it");
    }
    boolean perceptual = p.lossForm() == SuperResolutionLoss.PERCEPTUAL;
    this.adversarialWeight = perceptual ? p.adversarialWeight().floatValue() : 0f;
    this.featureWeight = perceptual ? p.featureWeight().floatValue() : 0f;
    if (adversarialWeight > 0 && (data.height() != data.width() || data.height() < 4)) {
      throw new IllegalArgumentException("srgan: the discriminator needs square images of side >= 4 (got "
          + data.height() + "x" + data.width() + "); set adversarialWeight: 0 or use loss: mse");
    }
    if (featureWeight > 0 && data.numClasses() < 2) {
      throw new IllegalArgumentException("srgan: the feature loss needs labelled data with at least 2 classes (has "
          + data.numClasses() + "); set featureWeight: 0 or use loss: mse");
    }
    Scope scope = context.scope();
    this.generator = new SrResNet(scope.child(AdversarialProgram.GENERATOR), data.channels(), p.channels(),
        p.blocks(), factor);
    this.discriminator = adversarialWeight > 0
        ? Networks.convDiscriminator(scope.child(AdversarialProgram.DISCRIMINATOR), p.channels(), data) : null;
    this.classifier = featureWeight > 0 ? new FeatureClassifier(scope.child(CLASSIFIER), data) : null;
    this.optimizer = new OptimizerSpec.Adam(p.learningRate(), p.beta1(), 0.999, 1e-8, 0);
  }

  /** Area downsampling by the factor: {@code [n, c, h, w] -> [n, c, h / f, w / f]}. */
  Tensor lowResolution(Ops ops, Tensor x) {
    return ops.nn().avgPool2d(x, factor, factor, 0);
  }

  private Tensor superResolve(Ops ops, Tensor x) {
    return generator.apply(ops, lowResolution(ops, x));
  }

  @Override
  public TrainingProgram program() {
    List<TrainingStep> steps = new ArrayList<>();
    if (classifier != null) {
      steps.add(new TrainingStep(CLASSIFIER, (ops, batch) -> {
        Tensor ce = ops.losses().sparseSoftmaxCrossEntropy(
            classifier.logits(ops, classifier.features(ops, batch.get("x"))), batch.get("y"));
        return new Losses(ce, Map.of("cross-entropy", ce));
      }, ParameterGroup.under(CLASSIFIER + "/"), OptimizerSpec.Adam.of(1e-3)));
    }
    if (discriminator != null) {
      steps.add(new TrainingStep(AdversarialProgram.DISCRIMINATOR, (ops, batch) -> {
        Tensor x = batch.get("x");
        return AdversarialProgram.discriminatorLosses(ops, discriminator.apply(ops, x),
            discriminator.apply(ops, ops.stopGradient(superResolve(ops, x))));
      }, ParameterGroup.under(AdversarialProgram.DISCRIMINATOR + "/"), optimizer));
    }
    steps.add(new TrainingStep(AdversarialProgram.GENERATOR, this::generatorLosses,
        ParameterGroup.under(AdversarialProgram.GENERATOR + "/"), optimizer));
    return new TrainingProgram(steps, steps.stream().map(s -> 1).toList());
  }

  private Losses generatorLosses(Ops ops, Map<String, Tensor> batch) {
    MathOps m = ops.math();
    Tensor x = batch.get("x");
    Tensor sr = superResolve(ops, x);
    Tensor pixel = ops.losses().mse(sr, x);
    Map<String, Tensor> terms = new LinkedHashMap<>();
    terms.put("pixel-mse", pixel);
    Tensor loss = pixel;
    if (discriminator != null) {
      Tensor fakeLogits = discriminator.apply(ops, sr);
      Tensor adversarial = GeneratorLoss.NON_SATURATING.apply(ops, fakeLogits);
      terms.put("adversarial", adversarial);
      terms.put("d-fake", m.mean(ops.nn().sigmoid(fakeLogits)));
      loss = m.add(loss, m.scale(adversarial, adversarialWeight));
    }
    if (classifier != null) {
      Tensor target = ops.stopGradient(classifier.features(ops, x));
      Tensor feature = ops.losses().mse(classifier.features(ops, sr), target);
      terms.put("feature-mse", feature);
      loss = m.add(loss, m.scale(feature, featureWeight));
    }
    return new Losses(loss, terms);
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.SUPER_RESOLVE, (ops, in) -> Map.of("x", ops.math().clip(superResolve(ops, in.get("x")), 0f, 1f)),
        Functions.LOW_RESOLUTION, (ops, in) -> Map.of("x", lowResolution(ops, in.get("x"))));
  }
}
