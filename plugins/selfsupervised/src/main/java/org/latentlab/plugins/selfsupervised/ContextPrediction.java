package org.latentlab.plugins.selfsupervised;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.DataShape;
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
 * Context prediction (Doersch, Gupta &amp; Efros, "Unsupervised Visual Representation Learning by Context
 * Prediction", ICCV 2015). Labels come from the layout of the image itself: {@link #prepareBatch} cuts, from every
 * image, the centre patch of a {@link PatchGrid} (on 28x28 digits a 3x3 grid of 8x8 patches with gaps of 2 pixels
 * and a jitter of up to 1 pixel, our choice for the small images: the paper's gaps and jitter scaled down) and one
 * of its eight neighbours at random, label = the neighbour's position 0..7. The shared {@link ConvEncoder} encodes
 * both patches with the same weights (a siamese pair, as the paper's), their features are joined and a small MLP
 * (Dense + ReLU, Dense) classifies the position with the softmax cross-entropy. {@code encode} runs the same
 * encoder on whole images (its global pooling takes any size).
 *
 * <p>Functions: {@code encode} and {@code pretext-scores} ({@code accuracy}: the share of an image's eight
 * neighbours, cut without jitter, whose position is classified right).
 */
final class ContextPrediction implements Model {
  /** The step's name. */
  static final String STEP = "context";
  private static final int NEIGHBOURS = 8;

  private final ConvEncoder encoder;
  private final Sequential classifier;
  private final PatchGrid grid;
  private final ContextParameters parameters;

  ContextPrediction(ContextParameters p, ModelContext context) {
    DataShape data = context.data();
    if (data.height() != data.width()) {
      throw new IllegalArgumentException("context-prediction: needs square images (was " + data.height() + "x"
          + data.width() + ")");
    }
    this.grid = PatchGrid.forSide(data.height());
    this.encoder = new ConvEncoder(context.scope().child("encoder"), data.channels(), p.channels());
    this.classifier = Sequential.of(
        new Dense(context.scope().child("classifier").child("hidden"), 2 * encoder.featureSize(), p.hidden(),
            Initializers.heNormal()),
        Activation.relu(),
        new Dense(context.scope().child("classifier").child("out"), p.hidden(), NEIGHBOURS));
    this.parameters = p;
  }

  PatchGrid grid() {
    return grid;
  }

  private Tensor logits(Ops ops, Tensor centre, Tensor neighbour) {
    return classifier.apply(ops, ops.shape().concat(List.of(encoder.feature(ops, centre),
        encoder.feature(ops, neighbour)), 1));
  }

  @Override
  public TrainingProgram program() {
    return TrainingProgram.single(new TrainingStep(STEP, (ops, batch) -> {
      Tensor logits = logits(ops, batch.get("centre"), batch.get("neighbour"));
      Tensor y = batch.get("position");
      return new Losses(ops.losses().sparseSoftmaxCrossEntropy(logits, y),
          Map.of("accuracy", ops.math().mean(TopOne.correct(ops, logits, y, NEIGHBOURS))));
    }, ParameterGroup.all(), OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  /** Adds {@code centre} and {@code neighbour} patches (jittered) and the neighbour's {@code position}. */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    HostTensor x = batch.get("x");
    int n = x.shape()[0];
    int c = x.shape()[1];
    int p = grid.patch();
    float[] centre = new float[n * c * p * p];
    float[] neighbour = new float[n * c * p * p];
    float[] position = new float[n];
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(NEIGHBOURS);
      position[i] = k;
      grid.cut(x, i, grid.jittered(1, grid.shift(random)), grid.jittered(1, grid.shift(random)), centre, i);
      grid.cut(x, i, grid.jittered(PatchGrid.row(k), grid.shift(random)),
          grid.jittered(PatchGrid.column(k), grid.shift(random)), neighbour, i);
    }
    Map<String, HostTensor> out = new LinkedHashMap<>(batch);
    out.put("centre", new HostTensor(centre, new int[] {n, c, p, p}));
    out.put("neighbour", new HostTensor(neighbour, new int[] {n, c, p, p}));
    out.put("position", new HostTensor(position, new int[] {n}));
    return out;
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.ENCODE, (ops, in) -> encoder.encodeOutputs(ops, in.get("x")),
        Functions.PRETEXT_SCORES, (ops, in) -> {
          Tensor x = in.get("x");
          Tensor centre = grid.cell(ops, x, 1, 1);
          List<Tensor> right = new ArrayList<>();
          for (int k = 0; k < NEIGHBOURS; k++) {
            Tensor neighbour = grid.cell(ops, x, PatchGrid.row(k), PatchGrid.column(k));
            right.add(TopOne.correctAs(ops, logits(ops, centre, neighbour), k, NEIGHBOURS));
          }
          return Map.of("accuracy", ops.math().mean(ops.shape().concat(right, 0), false, 0));
        });
  }
}
