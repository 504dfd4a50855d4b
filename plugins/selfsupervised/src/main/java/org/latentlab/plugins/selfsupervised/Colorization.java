package org.latentlab.plugins.selfsupervised;

import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.ops.MathOps;
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
 * Colorization (Zhang, Isola &amp; Efros, "Colorful Image Colorization", ECCV 2016) on RGB images: the label is the
 * image's own colour. The input is its luminance {@code L = 0.299 R + 0.587 G + 0.114 B} (one channel, so the
 * {@link ConvEncoder} of this task sees grey images); a 1x1 convolution on the encoder's last block predicts the
 * colour of each cell of that block's grid (3x3 for 28x28 images), against the image's colours averaged over each
 * cell: a coarse colour map (our choice for the small encoder), read from the last block so that every block, and
 * the feature probes judge, is trained by the task.
 * Two forms: {@code regression}, the squared error of the cell's RGB (sigmoid outputs in [0, 1]); and
 * {@code classification}, as the paper's, a softmax over the colours quantised to {@code levels} per channel
 * ({@code levels^3} classes), trained with the cross-entropy of each cell's bin. {@code encode} runs the encoder on
 * the luminance of the images it is given (grey images pass as they are).
 *
 * <p>Functions: {@code encode} and {@code pretext-scores}: {@code colour-error} (mean absolute error of the cells'
 * RGB in [0, 1] units; for classification, of the expected colour under the softmax) and, for classification,
 * {@code accuracy} (share of cells in the right bin).
 */
final class Colorization implements Model {
  private static final float[] LUMA = {0.299f, 0.587f, 0.114f};

  private final ConvEncoder encoder;
  private final Conv2d head;
  private final ColorizationParameters parameters;
  private final boolean classification;
  private final int levels;

  Colorization(ColorizationParameters p, ModelContext context) {
    DataShape data = context.data();
    if (data.channels() != 3) {
      throw new IllegalArgumentException("colorization: needs RGB images (3 channels; was " + data.channels()
          + "), e.g. dataset colour-digits or an RGB cifar10 / image-folder");
    }
    this.encoder = new ConvEncoder(context.scope().child("encoder"), 1, p.channels());
    this.classification = ColorizationParameters.CLASSIFICATION.equals(p.form());
    this.levels = p.levels();
    this.head = new Conv2d(context.scope().child("colour"), p.channels().get(p.channels().size() - 1),
        classification ? levels * levels * levels : 3, 1, 1, 0);
    this.parameters = p;
  }

  /** The luminance of RGB images {@code [n, 3, h, w] -> [n, 1, h, w]}; one-channel images as they are. */
  static Tensor luminance(Ops ops, Tensor x) {
    if (x.dim(1) == 1) {
      return x;
    }
    MathOps m = ops.math();
    Tensor weights = ops.constant(new HostTensor(LUMA.clone(), new int[] {1, 3, 1, 1}));
    return m.sum(m.mul(x, weights), true, 1);
  }

  /** The colour map the head predicts, {@code [n, 3 or levels^3, g, g]}. */
  private Tensor headOutput(Ops ops, Tensor x) {
    java.util.List<Tensor> blocks = encoder.blocks(ops, luminance(ops, x));
    return head.apply(ops, blocks.get(blocks.size() - 1));
  }

  /** The images' colours averaged over the cells of the last block's grid. */
  private static Tensor targetMap(Ops ops, Tensor x, int grid) {
    int factor = x.dim(2) / grid;
    return ops.nn().avgPool2d(x, factor, factor, 0);
  }

  /** Bin index {@code r L^2 + g L + b} of each cell, {@code [n * g * g]}, with {@code bin(v) = #{t : v > t / L}}. */
  private Tensor bins(Ops ops, Tensor colours) {
    MathOps m = ops.math();
    Tensor index = null;
    for (int ch = 0; ch < 3; ch++) {
      Tensor v = ops.shape().slice(colours, new int[] {0, ch, 0, 0}, new int[] {-1, 1, -1, -1});
      Tensor bin = null;
      for (int t = 1; t < levels; t++) {
        Tensor above = m.greater(v, ops.scalar((float) t / levels));
        bin = bin == null ? above : m.add(bin, above);
      }
      index = index == null ? bin : m.add(m.scale(index, levels), bin);
    }
    return ops.shape().reshape(index, colours.dim(0) * colours.dim(2) * colours.dim(3));
  }

  /** Logits {@code [n * g * g, levels^3]}, one row per cell. */
  private static Tensor cellRows(Ops ops, Tensor maps) {
    int k = maps.dim(1);
    return ops.shape().reshape(ops.shape().transpose(maps, 0, 2, 3, 1), maps.dim(0) * maps.dim(2) * maps.dim(3), k);
  }

  /** The colour at the centre of each bin, {@code [levels^3, 3]}. */
  private HostTensor binCentres() {
    int k = levels * levels * levels;
    float[] c = new float[k * 3];
    for (int b = 0; b < k; b++) {
      int[] digits = {b / (levels * levels), (b / levels) % levels, b % levels};
      for (int ch = 0; ch < 3; ch++) {
        c[b * 3 + ch] = (digits[ch] + 0.5f) / levels;
      }
    }
    return new HostTensor(c, new int[] {k, 3});
  }

  /** The predicted colours of the cells, {@code [n * g * g, 3]}. */
  private Tensor predictedColours(Ops ops, Tensor output) {
    if (!classification) {
      return cellRows(ops, ops.nn().sigmoid(output));
    }
    return ops.math().matmul(ops.nn().softmax(cellRows(ops, output), 1), ops.constant(binCentres()));
  }

  @Override
  public TrainingProgram program() {
    return TrainingProgram.single(new TrainingStep("colorization", (ops, batch) -> {
      Tensor x = batch.get("x");
      Tensor output = headOutput(ops, x);
      Tensor target = targetMap(ops, x, output.dim(2));
      MathOps m = ops.math();
      Tensor error = m.mean(m.abs(m.sub(predictedColours(ops, output), cellRows(ops, target))));
      Tensor loss = classification
          ? ops.losses().sparseSoftmaxCrossEntropy(cellRows(ops, output), bins(ops, target))
          : ops.losses().mse(cellRows(ops, ops.nn().sigmoid(output)), cellRows(ops, target));
      return new Losses(loss, Map.of("colour-error", error));
    }, ParameterGroup.all(), OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.ENCODE, (ops, in) -> encoder.encodeOutputs(ops, luminance(ops, in.get("x"))),
        Functions.PRETEXT_SCORES, (ops, in) -> {
          Tensor x = in.get("x");
          int n = x.dim(0);
          Tensor output = headOutput(ops, x);
          Tensor target = targetMap(ops, x, output.dim(2));
          MathOps m = ops.math();
          Tensor perCell = m.mean(m.abs(m.sub(predictedColours(ops, output), cellRows(ops, target))), false, 1);
          int cells = output.dim(2) * output.dim(3);
          Tensor error = m.mean(ops.shape().reshape(perCell, n, cells), false, 1);
          if (!classification) {
            return Map.of("colour-error", error);
          }
          Tensor logits = cellRows(ops, output);
          Tensor right = TopOne.correct(ops, logits, bins(ops, target), logits.dim(1));
          return Map.of("colour-error", error, "accuracy", m.mean(ops.shape().reshape(right, n, cells), false, 1));
        });
  }
}
