package org.latentlab.plugins.selfsupervised;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.ops.Ops;
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
 * Rotation prediction (Gidaris, Singh &amp; Komodakis, "Unsupervised Representation Learning by Predicting Image
 * Rotations", ICLR 2018). Labels are made from the images themselves: every image of a batch is shown at 0, 90,
 * 180 and 270 degrees (counter-clockwise, {@link Rotations}), label {@code r} for {@code r x 90} degrees, and a
 * linear head on the {@link ConvEncoder}'s feature is trained with the softmax cross-entropy of the 4-way
 * classification (Adam), all four rotations of an image in the same batch as the paper does. To tell the
 * rotation the network must find the digit's orientation, hence its shape.
 *
 * <p>Functions: {@code encode} (the feature and each block's output) and {@code pretext-scores}
 * ({@code accuracy}: the share of an image's four rotations classified right).
 */
final class RotationPrediction implements Model {
  private static final int ROTATIONS = 4;

  private final ConvEncoder encoder;
  private final Dense head;
  private final RotationParameters parameters;

  RotationPrediction(RotationParameters p, ModelContext context) {
    DataShape data = context.data();
    if (data.height() != data.width()) {
      throw new IllegalArgumentException("rotation: needs square images so a quarter turn keeps their size (was "
          + data.height() + "x" + data.width() + ")");
    }
    this.encoder = new ConvEncoder(context.scope().child("encoder"), data.channels(), p.channels());
    this.head = new Dense(context.scope().child("head"), encoder.featureSize(), ROTATIONS);
    this.parameters = p;
  }

  /** The four rotations of {@code x} stacked along the batch: all at 0 degrees, then all at 90, ... */
  private static Tensor allRotations(Ops ops, Tensor x) {
    List<Tensor> views = new ArrayList<>();
    for (int r = 0; r < ROTATIONS; r++) {
      views.add(Rotations.rotate(ops, x, r));
    }
    return ops.shape().concat(views, 0);
  }

  /** Labels of {@link #allRotations} for a batch of {@code n}: {@code n} zeros, {@code n} ones, ... */
  static HostTensor labels(int n) {
    float[] y = new float[ROTATIONS * n];
    for (int i = 0; i < y.length; i++) {
      y[i] = i / n;
    }
    return new HostTensor(y, new int[] {ROTATIONS * n});
  }

  private Tensor logits(Ops ops, Tensor x) {
    return head.apply(ops, encoder.feature(ops, allRotations(ops, x)));
  }

  @Override
  public TrainingProgram program() {
    return TrainingProgram.single(new TrainingStep("rotation", (ops, batch) -> {
      Tensor x = batch.get("x");
      int n = x.dim(0);
      Tensor logits = logits(ops, x);
      Tensor y = ops.constant(labels(n));
      Tensor ce = ops.losses().sparseSoftmaxCrossEntropy(logits, y);
      return new Losses(ce, Map.of("accuracy", ops.math().mean(correct(ops, logits, n))));
    }, ParameterGroup.all(), OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  /** 1 where the logit of an image's true rotation is the largest, else 0, {@code [4n]}. */
  private static Tensor correct(Ops ops, Tensor logits, int n) {
    return TopOne.correct(ops, logits, ops.constant(labels(n)), ROTATIONS);
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.ENCODE, (ops, in) -> encoder.encodeOutputs(ops, in.get("x")),
        Functions.PRETEXT_SCORES, (ops, in) -> {
          Tensor x = in.get("x");
          int n = x.dim(0);
          Tensor right = ops.shape().reshape(correct(ops, logits(ops, x), n), ROTATIONS, n);
          return Map.of("accuracy", ops.math().mean(right, false, 0));
        });
  }
}
