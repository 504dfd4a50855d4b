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
 * The jigsaw puzzle (Noroozi &amp; Favaro, "Unsupervised Learning of Visual Representations by Solving Jigsaw
 * Puzzles", ECCV 2016). Labels come from the image's own layout: {@link #prepareBatch} cuts the nine tiles of a
 * {@link PatchGrid} from every image (on 28x28 digits 8x8 tiles with gaps of 2 pixels and a jitter of up to 1
 * pixel, as for context prediction: the gaps and jitter keep the network from matching tiles by their edges),
 * draws one of the {@link JigsawPermutations} uniformly and shows the tiles in that order (slot {@code j} holds the
 * tile of cell {@code order[j]}); the label is the permutation's index. As the paper's context-free network, the
 * shared {@link ConvEncoder} encodes every tile on its own with the same weights, the nine features are joined in
 * slot order and an MLP (Dense + ReLU, Dense) names the permutation, trained with the softmax cross-entropy
 * (Adam). To solve the puzzle the network must know which part of a digit each tile shows. {@code encode} runs
 * the same encoder on whole images (its global pooling takes any size).
 *
 * <p>Functions: {@code encode} and {@code pretext-scores} ({@code accuracy}: the share of the set's permutations
 * of an image's tiles, cut without jitter, that are named right).
 */
final class JigsawPuzzle implements Model {
  /** The step's name. */
  static final String STEP = "jigsaw";
  private static final int TILES = JigsawPermutations.TILES;

  private final ConvEncoder encoder;
  private final Sequential classifier;
  private final PatchGrid grid;
  private final int[][] permutations;
  private final JigsawParameters parameters;

  JigsawPuzzle(JigsawParameters p, ModelContext context) {
    DataShape data = context.data();
    if (data.height() != data.width()) {
      throw new IllegalArgumentException("jigsaw: needs square images (was " + data.height() + "x" + data.width()
          + ")");
    }
    this.grid = PatchGrid.forSide(data.height());
    if ((grid.patch() >> p.channels().size()) < 1) {
      throw new IllegalArgumentException("jigsaw: " + grid.patch() + "-pixel tiles are too small for "
          + p.channels().size() + " encoder blocks (each halves the side); use fewer channels entries");
    }
    this.permutations = JigsawPermutations.maximalHamming(p.permutations());
    this.encoder = new ConvEncoder(context.scope().child("encoder"), data.channels(), p.channels());
    this.classifier = Sequential.of(
        new Dense(context.scope().child("classifier").child("hidden"), TILES * encoder.featureSize(), p.hidden(),
            Initializers.heNormal()),
        Activation.relu(),
        new Dense(context.scope().child("classifier").child("out"), p.hidden(), p.permutations()));
    this.parameters = p;
  }

  PatchGrid grid() {
    return grid;
  }

  /** The tile order of class {@code k}. */
  int[] permutation(int k) {
    return permutations[k].clone();
  }

  @Override
  public TrainingProgram program() {
    return TrainingProgram.single(new TrainingStep(STEP, (ops, batch) -> {
      Tensor features = encoder.feature(ops, batch.get("tiles"));
      Tensor logits = classifier.apply(ops, ops.shape().reshape(features, -1, TILES * encoder.featureSize()));
      Tensor y = batch.get("permutation");
      return new Losses(ops.losses().sparseSoftmaxCrossEntropy(logits, y),
          Map.of("accuracy", ops.math().mean(TopOne.correct(ops, logits, y, permutations.length))));
    }, ParameterGroup.all(), OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  /**
   * Adds the shuffled {@code tiles} {@code [9n, c, p, p]} (image by image, each image's nine in slot order, every
   * tile jittered on its own) and the index of the {@code permutation} {@code [n]}.
   */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, SplittableRandom random) {
    HostTensor x = batch.get("x");
    int n = x.shape()[0];
    int c = x.shape()[1];
    int p = grid.patch();
    float[] tiles = new float[n * TILES * c * p * p];
    float[] label = new float[n];
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(permutations.length);
      label[i] = k;
      for (int slot = 0; slot < TILES; slot++) {
        int cell = permutations[k][slot];
        grid.cut(x, i, grid.jittered(cell / 3, grid.shift(random)), grid.jittered(cell % 3, grid.shift(random)),
            tiles, i * TILES + slot);
      }
    }
    Map<String, HostTensor> out = new LinkedHashMap<>(batch);
    out.put("tiles", new HostTensor(tiles, new int[] {n * TILES, c, p, p}));
    out.put("permutation", new HostTensor(label, new int[] {n}));
    return out;
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.ENCODE, (ops, in) -> encoder.encodeOutputs(ops, in.get("x")),
        Functions.PRETEXT_SCORES, (ops, in) -> Map.of("accuracy", pretextAccuracy(ops, in.get("x"))));
  }

  /**
   * Per image, the share of all permutations of its unjittered tiles that are named right: the nine tiles are
   * encoded once (cell by cell) and their features joined in each permutation's order.
   */
  private Tensor pretextAccuracy(Ops ops, Tensor x) {
    int n = x.dim(0);
    List<Tensor> cells = new ArrayList<>();
    for (int cell = 0; cell < TILES; cell++) {
      cells.add(grid.cell(ops, x, cell / 3, cell % 3));
    }
    Tensor features = encoder.feature(ops, ops.shape().concat(cells, 0));
    int d = encoder.featureSize();
    List<Tensor> perCell = new ArrayList<>();
    for (int cell = 0; cell < TILES; cell++) {
      perCell.add(ops.shape().slice(features, new int[] {cell * n, 0}, new int[] {n, d}));
    }
    List<Tensor> right = new ArrayList<>();
    for (int k = 0; k < permutations.length; k++) {
      List<Tensor> ordered = new ArrayList<>();
      for (int slot = 0; slot < TILES; slot++) {
        ordered.add(perCell.get(permutations[k][slot]));
      }
      Tensor logits = classifier.apply(ops, ops.shape().concat(ordered, 1));
      right.add(TopOne.correctAs(ops, logits, k, permutations.length));
    }
    return ops.math().mean(ops.shape().concat(right, 0), false, 0);
  }
}
