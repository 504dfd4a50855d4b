package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.tensor.HostTensor;

/** PSNR and SSIM against known answers. */
class ImageQualityTest {

  /** Two 16x16 images of smooth random blobs, values in [0, 1]. */
  private static HostTensor smooth(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[2 * 16 * 16];
    for (int i = 0; i < 2; i++) {
      double cx = 4 + 8 * r.nextDouble();
      double cy = 4 + 8 * r.nextDouble();
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          v[i * 256 + y * 16 + x] = (float) (0.1 + 0.8 * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 18));
        }
      }
    }
    return new HostTensor(v, new int[] {2, 1, 16, 16});
  }

  private static HostTensor map(HostTensor t, java.util.function.DoubleUnaryOperator f) {
    float[] v = t.data().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) f.applyAsDouble(v[i]);
    }
    return new HostTensor(v, t.shape());
  }

  @Test
  void psnrOfIdenticalImagesIsTheCapAndOfAConstantOffsetItsClosedForm() {
    HostTensor a = smooth(1);
    assertThat(ImageQuality.meanPsnr(a, a)).isEqualTo(ImageQuality.MAX_PSNR);
    // an offset of 0.05 everywhere: MSE = 0.0025, PSNR = 10 log10(1 / 0.0025) = 26.0206 dB
    assertThat(ImageQuality.meanPsnr(map(a, v -> v + 0.05), a)).isCloseTo(10 * Math.log10(400), within(1e-3));
  }

  @Test
  void ssimOfIdenticalImagesIsOneAndOfTwoConstantsTheLuminanceTerm() {
    HostTensor a = smooth(2);
    assertThat(ImageQuality.meanSsim(a, a)).isCloseTo(1, within(1e-9));
    HostTensor half = map(a, v -> 0.5);
    HostTensor more = map(a, v -> 0.6);
    // no variance, so SSIM = (2 * 0.5 * 0.6 + C1) / (0.5^2 + 0.6^2 + C1), C1 = 1e-4
    assertThat(ImageQuality.meanSsim(more, half)).isCloseTo((0.6 + 1e-4) / (0.61 + 1e-4), within(1e-6));
  }

  @Test
  void ssimFallsAsNoiseGrows() {
    HostTensor a = smooth(3);
    SplittableRandom r = new SplittableRandom(4);
    double previous = 1;
    for (double sigma : new double[] {0.02, 0.1, 0.3}) {
      HostTensor noisy = map(a, v -> Math.min(1, Math.max(0, v + sigma * RandomStreams.gaussian(r))));
      double ssim = ImageQuality.meanSsim(noisy, a);
      assertThat(ssim).as("SSIM at noise %s", sigma).isLessThan(previous);
      previous = ssim;
    }
    assertThat(previous).isLessThan(0.5);
  }

  @Test
  void imagesSmallerThanTheWindowOrOfOtherShapesAreRefused() {
    HostTensor small = new HostTensor(new float[64], new int[] {1, 1, 8, 8});
    assertThatThrownBy(() -> ImageQuality.meanSsim(small, small)).hasMessageContaining("11x11").hasMessageContaining("8x8");
    assertThatThrownBy(() -> ImageQuality.meanPsnr(small, smooth(1))).hasMessageContaining("one shape");
  }
}
