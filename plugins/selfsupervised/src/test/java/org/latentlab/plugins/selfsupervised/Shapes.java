package org.latentlab.plugins.selfsupervised;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Trainer;

/**
 * Small test images and the tasks' training loop. {@link #tees}: images whose orientation shows, a "T" (a bar with a
 * stem below its middle) at a random place on a noisy 16x16 background, in one of two sizes (the class);
 * {@link #positions} and {@link #ramps}: images whose pixels tell where they are.
 */
final class Shapes {
  static final int SIDE = 16;
  static final DataShape SHAPE = new DataShape(1, SIDE, SIDE, 2);

  private Shapes() {}

  static ImageSet tees(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] px = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int size = random.nextInt(2);
      int arm = 5 + 2 * size;
      int top = random.nextInt(SIDE - arm - 1);
      int left = random.nextInt(SIDE - arm - 1);
      int base = i * SIDE * SIDE;
      for (int p = 0; p < SIDE * SIDE; p++) {
        px[base + p] = (float) (0.1 * random.nextDouble());
      }
      for (int j = 0; j < arm; j++) {
        px[base + top * SIDE + left + j] = 1;
        px[base + (top + 1 + j) * SIDE + left + arm / 2] = j < arm - 1 ? 1 : px[base + (top + 1 + j) * SIDE + left + arm / 2];
      }
      labels[i] = size;
    }
    return new ImageSet(px, labels, 1, SIDE, SIDE);
  }

  /** Images whose pixel value tells where it is: {@code (row * side + column) / side^2}. */
  static HostTensor positions(int n, int side) {
    float[] px = new float[n * side * side];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) (i % (side * side)) / (side * side);
    }
    return new HostTensor(px, new int[] {n, 1, side, side});
  }

  /** Ramps brighter to the right and down, with noise: a patch's brightness against the others' tells its place. */
  static ImageSet ramps(int n, int side, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] px = new float[n * side * side];
    for (int i = 0; i < n; i++) {
      double a = 0.5 + random.nextDouble();
      double b = 0.5 + random.nextDouble();
      for (int r = 0; r < side; r++) {
        for (int c = 0; c < side; c++) {
          px[(i * side + r) * side + c] = (float) (0.5 * (a * c + b * r) / (2 * side) + 0.2 * random.nextDouble());
        }
      }
    }
    return new ImageSet(px, new int[n], 1, side, side);
  }

  /** Trains {@code steps} steps of the model's single step on random batches; returns each step's losses. */
  static List<Map<String, Float>> train(ComputeSession session, Model model, ImageSet data, int steps, int batch) {
    Trainer trainer = session.trainer(model.program());
    String step = model.program().steps().get(0).name();
    SplittableRandom random = new SplittableRandom(4);
    List<Map<String, Float>> losses = new java.util.ArrayList<>();
    for (int s = 0; s < steps; s++) {
      int[] idx = new int[batch];
      for (int i = 0; i < batch; i++) {
        idx[i] = random.nextInt(data.size());
      }
      Map<String, HostTensor> b = model.prepareBatch(step, Map.of("x", data.images(idx), "y", data.labelTensor(idx)),
          random.split());
      losses.add(trainer.step(step, b));
    }
    return losses;
  }

  static double mean(List<Map<String, Float>> losses, String term, int from, int to) {
    return losses.subList(from, to).stream().mapToDouble(l -> l.get(term)).average().orElseThrow();
  }
}
