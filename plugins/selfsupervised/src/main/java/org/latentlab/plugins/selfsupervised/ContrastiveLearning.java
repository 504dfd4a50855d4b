package org.latentlab.plugins.selfsupervised;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * Contrastive learning of exemplars: the idea of Dosovitskiy et al. 2014 (every image its own class, seen
 * through heavy augmentation) trained with the NT-Xent loss of SimCLR (Chen et al., "A Simple Framework for
 * Contrastive Learning of Visual Representations", ICML 2020). The labels are the images' identities: for each
 * image of a batch, {@link #prepareBatch} draws two views with the {@link org.latentlab.api.data.ImageAugmentation}
 * of the parameters (seeded by the run, so a resumed run draws the same views); the shared {@link ConvEncoder}
 * and a projection head (Dense + ReLU + Dense) map both, and {@link NtXent} makes each view pick out its partner
 * among the {@code 2n - 1} other views of the batch. The projection head is used by the loss only and dropped for
 * evaluation: {@code encode} gives the encoder's feature (and its blocks), as SimCLR found that representation
 * the better one.
 *
 * <p>Reports {@code accuracy}: the share of views whose partner is their most similar other view.
 */
final class ContrastiveLearning implements Model {
  /** The step's name. */
  static final String STEP = "contrastive";

  private final ConvEncoder encoder;
  private final Sequential projection;
  private final ContrastiveParameters parameters;

  ContrastiveLearning(ContrastiveParameters p, ModelContext context) {
    this.encoder = new ConvEncoder(context.scope().child("encoder"), context.data().channels(), p.channels());
    this.projection = Sequential.of(
        new Dense(context.scope().child("projection").child("hidden"), encoder.featureSize(), p.projectionHidden(),
            Initializers.heNormal()),
        Activation.relu(),
        new Dense(context.scope().child("projection").child("out"), p.projectionHidden(), p.projectionSize()));
    this.parameters = p;
  }

  private Tensor projected(Ops ops, Tensor views) {
    return projection.apply(ops, encoder.feature(ops, views));
  }

  @Override
  public TrainingProgram program() {
    return TrainingProgram.single(new TrainingStep(STEP, (ops, batch) -> {
      Tensor logits = NtXent.logits(ops, projected(ops, batch.get("view-1")), projected(ops, batch.get("view-2")),
          parameters.temperature().floatValue());
      return new Losses(NtXent.loss(ops, logits), Map.of("accuracy", NtXent.accuracy(ops, logits)));
    }, ParameterGroup.all(), OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  /** Adds the two augmented views of the batch's images, {@code view-1} and {@code view-2}. */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    Map<String, HostTensor> out = new LinkedHashMap<>(batch);
    out.put("view-1", parameters.augmentation().apply(batch.get("x"), random));
    out.put("view-2", parameters.augmentation().apply(batch.get("x"), random));
    return out;
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(Functions.ENCODE, (ops, in) -> encoder.encodeOutputs(ops, in.get("x")));
  }
}
