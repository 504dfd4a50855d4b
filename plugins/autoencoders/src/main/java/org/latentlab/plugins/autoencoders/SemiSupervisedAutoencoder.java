package org.latentlab.plugins.autoencoders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.nn.Dense;
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
 * A semi-supervised autoencoder (see {@link SemiSupervisedParameters} for the objective): an autoencoder
 * whose code also feeds a linear classifier ({@code classifier/}, code -> class logits), trained in one
 * step, {@code semi-supervised}, on the sampled batch {@code x} (reconstruction) and a labelled batch
 * {@code xl, yl} that {@link #prepareBatch} draws with replacement from a fixed class-balanced subset of
 * the training split. Reports {@code reconstruction} (unless its weight is 0) and {@code classification}.
 * Offers {@code classify} ({@code x -> logits [n, classes]}) beside encode, decode and reconstruct.
 */
public final class SemiSupervisedAutoencoder extends AutoencoderBase {
  /** The step's name. */
  public static final String STEP = "semi-supervised";

  private final SemiSupervisedParameters parameters;
  private final ModelContext context;
  private final Dense classifier;
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
    this.classifier = new Dense(scope.child("classifier"), p.latentDim(), context.data().numClasses());
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
    return TrainingProgram.single(new TrainingStep(
        STEP,
        (ops, batch) -> {
          Map<String, Tensor> terms = new LinkedHashMap<>();
          Tensor logits = classifier.apply(ops, encode(ops, batch.get("xl")));
          Tensor classification = ops.losses().sparseSoftmaxCrossEntropy(logits, batch.get("yl"));
          Tensor objective = ops.math().scale(classification, cw);
          if (rw > 0) {
            Tensor x = batch.get("x");
            Tensor reconstruction = loss.apply(ops, decodeLogits(ops, encode(ops, x)), x);
            terms.put("reconstruction", reconstruction);
            objective = ops.math().add(objective, ops.math().scale(reconstruction, rw));
          }
          terms.put("classification", classification);
          return new Losses(objective, terms);
        },
        group,
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  @Override
  void addFunctions(Map<String, InferenceFunction> functions) {
    functions.put(Functions.CLASSIFY, (ops, in) -> Map.of("logits", classifier.apply(ops, encode(ops, in.get("x")))));
  }

  /** Adds {@code xl [labelledBatch, c, h, w]} and {@code yl [labelledBatch]}, drawn with replacement from {@code random}. */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    ImageSet subset = labelledSubset();
    int[] idx = new int[parameters.labelledBatch()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = random.nextInt(subset.size());
    }
    Map<String, HostTensor> out = new LinkedHashMap<>(batch);
    out.put("xl", subset.images(idx));
    out.put("yl", subset.labelTensor(idx));
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
