package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentlab.api.tensor.HostTensor;

/** Nearest-neighbour and bicubic upscaling against known answers. */
class UpscalingTest {

  @Test
  void keysKernelHasItsKnownValues() {
    assertThat(Upscaling.keys(0)).isEqualTo(1);
    assertThat(Upscaling.keys(1)).isEqualTo(0);
    assertThat(Upscaling.keys(-2)).isEqualTo(0);
    assertThat(Upscaling.keys(0.5)).isCloseTo(0.5625, within(1e-12));
    assertThat(Upscaling.keys(-1.5)).isCloseTo(-0.0625, within(1e-12));
  }

  @Test
  void nearestRepeatsEachPixelAsABlock() {
    HostTensor low = new HostTensor(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new int[] {1, 1, 2, 2});
    assertThat(Upscaling.nearest(low, 2).data()).containsExactly(
        0.1f, 0.1f, 0.2f, 0.2f,
        0.1f, 0.1f, 0.2f, 0.2f,
        0.3f, 0.3f, 0.4f, 0.4f,
        0.3f, 0.3f, 0.4f, 0.4f);
  }

  @Test
  void bicubicKeepsAConstantImageConstant() {
    float[] v = new float[2 * 7 * 7];
    java.util.Arrays.fill(v, 0.37f);
    HostTensor up = Upscaling.bicubic(new HostTensor(v, new int[] {1, 2, 7, 7}), 4);
    assertThat(up.shape()).containsExactly(1, 2, 28, 28);
    for (float p : up.data()) {
      assertThat(p).isCloseTo(0.37f, within(1e-6f));
    }
  }

  @Test
  void bicubicReproducesALinearRampAwayFromTheBorder() {
    int side = 8;
    float[] v = new float[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        v[y * side + x] = 0.1f + 0.05f * x + 0.02f * y;
      }
    }
    HostTensor up = Upscaling.bicubic(new HostTensor(v, new int[] {1, 1, side, side}), 2);
    // output pixels 3..12 sample source positions 1.25..5.75, whose four taps all lie inside the image
    for (int y = 3; y <= 12; y++) {
      for (int x = 3; x <= 12; x++) {
        double sx = (x + 0.5) / 2 - 0.5;
        double sy = (y + 0.5) / 2 - 0.5;
        assertThat(up.data()[y * 2 * side + x]).as("(%d, %d)", y, x)
            .isCloseTo((float) (0.1 + 0.05 * sx + 0.02 * sy), within(1e-5f));
      }
    }
  }

  @Test
  void bicubicOvershootIsClippedToTheDataRange() {
    float[] v = new float[8 * 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i % 8) < 4 ? 0f : 1f;
    }
    HostTensor up = Upscaling.bicubic(new HostTensor(v, new int[] {1, 1, 8, 8}), 2);
    float min = 1;
    float max = 0;
    for (float p : up.data()) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(1f);
  }
}
