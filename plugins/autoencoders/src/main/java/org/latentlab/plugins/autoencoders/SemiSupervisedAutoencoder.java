package org.latentlab.plugins.autoencoders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageAugmentation;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A semi-supervised autoencoder (see {@link SemiSupervisedParameters} for the objective and its sources): an
 * autoencoder whose code also feeds a classifier head ({@code classifier/}, code -> class logits; linear, or
 * one ReLU hidden layer {@code classifier/hidden} then {@code classifier/out} when {@code classifierHidden > 0}),
 * trained in one step, {@code semi-supervised}, on the sampled batch {@code x} (reconstruction; the FixMatch
 * pseudo-label term on its weak and strong views {@code xw, xs}; the Pi-model consistency and entropy terms on
 * two corrupted views of it) and a labelled batch {@code xl, yl} that {@link #prepareBatch} draws with
 * replacement from a fixed class-balanced subset of the training split. Reports {@code classification} and, for
 * each term whose weight is not 0, {@code reconstruction}, {@code pseudo-label} with {@code confident} (the
 * fraction of the batch above the threshold), {@code consistency} and {@code entropy}. Offers {@code classify} ({@code x -> logits [n, classes]}) beside
 * encode, decode and reconstruct.
 */
public final class SemiSupervisedAutoencoder extends AutoencoderBase {
  /** The step's name. */
  public static final String STEP = "semi-supervised";

  private final SemiSupervisedParameters parameters;
  private final ModelContext context;
  private final Layer classifier;
  private final ParameterGroup group;
  private ImageSet labelled;

  SemiSupervisedAutoencoder(SemiSupervisedParameters p, ModelContext context) {
    super(Network.build("semi-supervised-autoencoder", Architecture.parse(p.architecture()), context.scope(),
        context.data(), p.latentDim(), Checks.size(Architecture.parse(p.architecture()), p.channels(), p.hidden()),
        Map.of("fc", p.latentDim())));
    if (context.data().numClasses() < 2) {
      throw new IllegalArgumentException("semi-supervised-autoencoder needs a labelled data set with at least two"
          + " classes (has " + context.data().numClasses() + ")");
    }
    this.parameters = p;
    this.context = context;
    Scope scope = context.scope();
    Scope head = scope.child("classifier");
    int classes = context.data().numClasses();
    this.classifier = p.classifierHidden() > 0
        ? Sequential.of(new Dense(head.child("hidden"), p.latentDim(), p.classifierHidden()), Activation.relu(),
            new Dense(head.child("out"), p.classifierHidden(), classes))
        : new Dense(head, p.latentDim(), classes);
    // Without reconstruction the decoder gets no gradient: train only what the classifier depends on.
    this.group = p.reconstructionWeight() > 0
        ? ParameterGroup.all()
        : ParameterGroup.under(scope.name("encoder") + "/", scope.name("classifier") + "/");
  }

  @Override
  public TrainingProgram program() {
    ReconstructionLoss loss = ReconstructionLoss.parse(parameters.loss());
    float rw = parameters.reconstructionWeight().floatValue();
    float cw = parameters.classifierWeight().floatValue();
    float consistencyWeight = parameters.consistencyWeight().floatValue();
    float entropyWeight = parameters.entropyWeight().floatValue();
    float pseudoLabelWeight = parameters.pseudoLabelWeight().floatValue();
    float threshold = parameters.threshold().floatValue();
    return TrainingProgram.single(new TrainingStep(
        STEP,
        (ops, batch) -> {
          Map<String, Tensor> terms = new LinkedHashMap<>();
          Tensor logits = classifier.apply(ops, encode(ops, batch.get("xl")));
          Tensor classification = ops.losses().sparseSoftmaxCrossEntropy(logits, batch.get("yl"));
          Tensor objective = ops.math().scale(classification, cw);
          Tensor x = batch.get("x");
          if (rw > 0) {
            Tensor reconstruction = loss.apply(ops, decodeLogits(ops, encode(ops, x)), x);
            terms.put("reconstruction", reconstruction);
            objective = ops.math().add(objective, ops.math().scale(reconstruction, rw));
          }
          terms.put("classification", classification);
          if (pseudoLabelWeight > 0) {
            Tensor weak = ops.stopGradient(classifier.apply(ops, encode(ops, batch.get("xw"))));
            Tensor strong = classifier.apply(ops, encode(ops, batch.get("xs")));
            Tensor[] pseudo = pseudoLabelLoss(ops, weak, strong, threshold);
            terms.put("pseudo-label", pseudo[0]);
            terms.put("confident", pseudo[1]);
            objective = ops.math().add(objective, ops.math().scale(pseudo[0], pseudoLabelWeight));
          }
          if (parameters.usesViews()) {
            Tensor first = classifier.apply(ops, encode(ops, corrupt(ops, x)));
            if (consistencyWeight > 0) {
              Tensor second = classifier.apply(ops, encode(ops, corrupt(ops, x)));
              Tensor consistency = consistency(ops, first, ops.stopGradient(second));
              terms.put("consistency", consistency);
              objective = ops.math().add(objective, ops.math().scale(consistency, consistencyWeight));
            }
            if (entropyWeight > 0) {
              Tensor entropy = entropy(ops, first);
              terms.put("entropy", entropy);
              objective = ops.math().add(objective, ops.math().scale(entropy, entropyWeight));
            }
          }
          return new Losses(objective, terms);
        },
        group,
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  /**
   * One stochastic view of {@code x}: a random translation ({@code shift}), Gaussian noise ({@code noise}, clipped to [0, 1]), then masking
   * ({@code maskRate}); fresh draws on every call. A corruption whose level is 0 is skipped (a branch on the
   * configuration, not on tensor values), so with both 0 the view is {@code x} itself.
   */
  Tensor corrupt(Ops ops, Tensor x) {
    Tensor view = parameters.shift() > 0 ? translate(ops, x, parameters.shift()) : x;
    if (parameters.noise() > 0) {
      view = Corruption.GAUSSIAN.apply(ops, view, parameters.noise().floatValue());
    }
    if (parameters.maskRate() > 0) {
      view = Corruption.MASKING.apply(ops, view, parameters.maskRate().floatValue());
    }
    return view;
  }

  /**
   * Each image of {@code x [n, c, h, w]} shifted by its own random offset {@code (dy, dx)}, uniform in
   * {@code [-shift, shift]^2}, zero-filled (Sajjadi et al. 2016's random translations). Trace-safe: each axis
   * is a sum of the {@code 2 shift + 1} shifted copies (pad and slice) times a random one-hot weight per image.
   */
  static Tensor translate(Ops ops, Tensor x, int shift) {
    Tensor alongW = shiftAxis(ops, x, shift, 3);
    return shiftAxis(ops, alongW, shift, 2);
  }

  private static Tensor shiftAxis(Ops ops, Tensor x, int shift, int axis) {
    int[] shape = x.shape();
    int k = 2 * shift + 1;
    int[] before = new int[shape.length];
    int[] after = new int[shape.length];
    before[axis] = shift;
    after[axis] = shift;
    Tensor padded = ops.shape().pad(x, before, after);
    int[] one = new int[shape.length];
    java.util.Arrays.fill(one, 1);
    one[0] = shape[0];
    Tensor u = ops.random().uniform(0f, 1f, one);
    Tensor out = null;
    for (int j = 0; j < k; j++) {
      float lo = j == 0 ? -1f : j / (float) k;
      float hi = j == k - 1 ? 2f : (j + 1) / (float) k;
      Tensor pick = ops.math().sub(ops.math().greater(u, ops.scalar(lo)), ops.math().greater(u, ops.scalar(hi)));
      int[] begin = new int[shape.length];
      begin[axis] = j;
      Tensor part = ops.math().mul(ops.shape().slice(padded, begin, shape), pick);
      out = out == null ? part : ops.math().add(out, part);
    }
    return out;
  }

  /**
   * FixMatch's unlabelled loss (Sohn et al. 2020): with {@code p = softmax(weakLogits)} (a fixed target, no
   * gradient) and {@code q = softmax(strongLogits)}, {@code mean_i 1[max_k p_ik > threshold] * -log q_i,argmax p_i}
   * over the batch (images below the threshold count as 0). Returns that loss and the fraction of confident
   * images. Trace-safe: the arg-max is the one-hot {@code p_ik >= max_k p_ik}.
   */
  static Tensor[] pseudoLabelLoss(Ops ops, Tensor weakLogits, Tensor strongLogits, float threshold) {
    Tensor p = ops.nn().softmax(ops.stopGradient(weakLogits), 1);
    Tensor maxP = ops.math().max(p, true, 1);
    Tensor confident = ops.math().greater(maxP, ops.scalar(threshold));
    Tensor target = ops.math().greater(ops.math().sub(p, maxP), ops.scalar(-1e-7f));
    Tensor logQ = ops.nn().logSoftmax(strongLogits, 1);
    Tensor perImage = ops.math().neg(ops.math().sum(ops.math().mul(target, logQ), true, 1));
    return new Tensor[] {ops.math().mean(ops.math().mul(confident, perImage)), ops.math().mean(confident)};
  }

  /**
   * The Pi-model consistency (Laine &amp; Aila 2017): {@code mean_{i,k} (softmax(a)_ik - softmax(b)_ik)^2} of two
   * logit batches {@code [n, classes]}. Trace-safe.
   */
  static Tensor consistency(Ops ops, Tensor logitsA, Tensor logitsB) {
    Tensor diff = ops.math().sub(ops.nn().softmax(logitsA, 1), ops.nn().softmax(logitsB, 1));
    return ops.math().mean(ops.math().square(diff));
  }

  /**
   * The mean prediction entropy (Grandvalet &amp; Bengio 2005) of a logit batch {@code [n, classes]}:
   * {@code mean_i -sum_k p_ik log p_ik}, {@code p = softmax(logits)}, in nats (log-softmax, so stable). Trace-safe.
   */
  static Tensor entropy(Ops ops, Tensor logits) {
    Tensor logP = ops.nn().logSoftmax(logits, 1);
    Tensor plogp = ops.math().mul(ops.math().exp(logP), logP);
    return ops.math().neg(ops.math().mean(ops.math().sum(plogp, false, 1)));
  }

  @Override
  void addFunctions(Map<String, InferenceFunction> functions) {
    functions.put(Functions.CLASSIFY, (ops, in) -> Map.of("logits", classifier.apply(ops, encode(ops, in.get("x")))));
  }

  /**
   * Adds {@code xl [labelledBatch, c, h, w]} and {@code yl [labelledBatch]}, drawn with replacement from
   * {@code random} ({@code xl} weakly augmented when {@code augmentLabelled}), and, when the pseudo-label term
   * is on, a weak view {@code xw} and a strong view {@code xs} of the batch's {@code x}.
   */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    ImageSet subset = labelledSubset();
    int[] idx = new int[parameters.labelledBatch()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = random.nextInt(subset.size());
    }
    Map<String, HostTensor> out = new LinkedHashMap<>(batch);
    HostTensor xl = subset.images(idx);
    out.put("xl", parameters.augmentLabelled() ? ImageAugmentation.WEAK.apply(xl, random) : xl);
    out.put("yl", subset.labelTensor(idx));
    if (parameters.pseudoLabelWeight() > 0) {
      out.put("xw", ImageAugmentation.WEAK.apply(batch.get("x"), random));
      out.put("xs", ImageAugmentation.STRONG.apply(batch.get("x"), random));
    }
    return out;
  }

  /**
   * The labelled subset: {@code labels / numClasses} images of each class (the remainder to the first
   * classes; all of a class when it has fewer), chosen from the training split by a generator seeded from
   * the run's seed. Fixed for the model's lifetime.
   */
  synchronized ImageSet labelledSubset() {
    if (labelled == null) {
      ImageSet train = context.requireTrain("semi-supervised-autoencoder");
      int classes = context.data().numClasses();
      List<List<Integer>> byClass = new ArrayList<>();
      for (int c = 0; c < classes; c++) {
        byClass.add(new ArrayList<>());
      }
      for (int i = 0; i < train.size(); i++) {
        int label = train.labels()[i];
        if (label >= 0 && label < classes) {
          byClass.get(label).add(i);
        }
      }
      SplittableRandom random = new SplittableRandom(context.seed() ^ 0x6C6162656C73L); // "labels"
      List<Integer> chosen = new ArrayList<>();
      int total = parameters.labels();
      for (int c = 0; c < classes; c++) {
        List<Integer> pool = byClass.get(c);
        int quota = Math.min(pool.size(), total / classes + (c < total % classes ? 1 : 0));
        for (int k = 0; k < quota; k++) { // partial Fisher-Yates
          int j = k + random.nextInt(pool.size() - k);
          Integer t = pool.get(k);
          pool.set(k, pool.get(j));
          pool.set(j, t);
          chosen.add(pool.get(k));
        }
      }
      if (chosen.isEmpty()) {
        throw new IllegalStateException("semi-supervised-autoencoder: the training split has no labelled image");
      }
      labelled = train.subset(chosen.stream().mapToInt(Integer::intValue).toArray());
    }
    return labelled;
  }
}
