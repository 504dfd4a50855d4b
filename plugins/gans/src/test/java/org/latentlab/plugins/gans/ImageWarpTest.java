package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

/**
 * The in-graph warp moves pixels where its formula says, per sample, on both backends: identity parameters keep the
 * image, whole-pixel shifts move it (zeros come in), half-pixel shifts average neighbours, a shear slants a vertical
 * line, and a scale of 1/2 doubles an image about its centre. Images are 6 high and 8 wide, so rows and columns
 * cannot be confused.
 */
class ImageWarpTest {
  private static final int H = 6;
  private static final int W = 8;

  private static float[] randomImage(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[H * W];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextDouble();
    }
    return v;
  }

  /** Warps two images with per-sample parameters {sx, sy, tx, ty, shear}; returns both outputs. */
  private static float[][] warp(String backend, float[][] images, float[][] parameters) {
    int n = images.length;
    float[] x = new float[n * H * W];
    for (int i = 0; i < n; i++) {
      System.arraycopy(images[i], 0, x, i * H * W, H * W);
    }
    float[][] columns = new float[5][n];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < 5; p++) {
        columns[p][i] = parameters[i][p];
      }
    }
    Map<String, HostTensor> inputs = Map.of("x", new HostTensor(x, new int[] {n, 1, H, W}),
        "sx", param(columns[0]), "sy", param(columns[1]), "tx", param(columns[2]), "ty", param(columns[3]),
        "shear", param(columns[4]));
    try (ComputeSession session = TestBackends.shared(backend).open(new ParameterStore(0), 0)) {
      float[] out = session.compile((ops, in) -> Map.of("y", ImageWarp.apply(ops, in.get("x"), in.get("sx"),
          in.get("sy"), in.get("tx"), in.get("ty"), in.get("shear")))).apply(inputs).get("y").data();
      float[][] result = new float[n][H * W];
      for (int i = 0; i < n; i++) {
        System.arraycopy(out, i * H * W, result[i], 0, H * W);
      }
      return result;
    }
  }

  private static HostTensor param(float[] values) {
    return new HostTensor(values, new int[] {values.length, 1, 1, 1});
  }

  private static float at(float[] image, int r, int c) {
    return r < 0 || r >= H || c < 0 || c >= W ? 0 : image[r * W + c];
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void identityKeepsAndWholePixelShiftsMoveEachSampleByItsOwnAmount(String backend) {
    float[] a = randomImage(1);
    float[] b = randomImage(2);
    float[][] out = warp(backend, new float[][] {a, b}, new float[][] {{1, 1, 0, 0, 0}, {1, 1, 2, -1, 0}});
    for (int r = 0; r < H; r++) {
      for (int c = 0; c < W; c++) {
        assertThat(out[0][r * W + c]).isCloseTo(at(a, r, c), within(1e-5f));
        assertThat(out[1][r * W + c]).as("row %d column %d", r, c).isCloseTo(at(b, r - 1, c + 2), within(1e-5f));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void halfPixelShiftAveragesNeighbours(String backend) {
    float[] a = randomImage(3);
    float[][] out = warp(backend, new float[][] {a}, new float[][] {{1, 1, 0.5f, 0, 0}});
    for (int r = 0; r < H; r++) {
      for (int c = 0; c < W; c++) {
        assertThat(out[0][r * W + c]).isCloseTo((at(a, r, c) + at(a, r, c + 1)) / 2, within(1e-5f));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void shearSlantsAVerticalLineAndHalfScaleDoublesTheImage(String backend) {
    float[] line = new float[H * W];
    for (int r = 0; r < H; r++) {
      line[r * W + 3] = 1;
    }
    float[] a = randomImage(4);
    float[][] out = warp(backend, new float[][] {line, a}, new float[][] {{1, 1, 0, 0, 1}, {0.5f, 0.5f, 0, 0, 0}});
    float midH = (H - 1) / 2f;
    float midW = (W - 1) / 2f;
    for (int r = 0; r < H; r++) {
      for (int c = 0; c < W; c++) {
        // Row r reads column c + (r - midH): the line at 3 shows at column 3 - (r - midH), between two pixels.
        float source = c + (r - midH);
        float expected = Math.max(0, 1 - Math.abs(source - 3));
        assertThat(out[0][r * W + c]).as("sheared row %d column %d", r, c).isCloseTo(expected, within(1e-5f));
        float sr = 0.5f * (r - midH) + midH;
        float sc = 0.5f * (c - midW) + midW;
        assertThat(out[1][r * W + c]).as("scaled row %d column %d", r, c).isCloseTo(bilinear(a, sr, sc),
            within(1e-5f));
      }
    }
  }

  private static float bilinear(float[] image, float r, float c) {
    int r0 = (int) Math.floor(r);
    int c0 = (int) Math.floor(c);
    float fr = r - r0;
    float fc = c - c0;
    return (1 - fr) * ((1 - fc) * at(image, r0, c0) + fc * at(image, r0, c0 + 1))
        + fr * ((1 - fc) * at(image, r0 + 1, c0) + fc * at(image, r0 + 1, c0 + 1));
  }
}
