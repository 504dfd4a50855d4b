package org.latentlab.plugins.autoencoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.ImageAugmentation;
import org.latentlab.api.tensor.HostTensor;

/** Known answers of the host-side augmentation the semi-supervised model's views are made with. */
class ImageAugmentationTest {

  /** Two 1-channel 6x6 images: a single bright pixel right of the centre, and a ramp. */
  private static HostTensor images() {
    float[] data = new float[2 * 36];
    data[2 * 6 + 4] = 1f; // row 2, column 4
    for (int k = 0; k < 36; k++) {
      data[36 + k] = k / 35f;
    }
    return new HostTensor(data, new int[] {2, 1, 6, 6});
  }

  @Test
  void integerShiftMovesPixelsAndFillsWithZero() {
    HostTensor shifted = ImageAugmentation.transform(images(), 0, 1, 1, 2);
    assertThat(shifted.data()[(2 + 2) * 6 + 5]).isCloseTo(1f, within(1e-6f));
    assertThat(shifted.data()[2 * 6 + 4]).isZero();
    // the ramp's first two rows and first column come from outside the image
    assertThat(shifted.data()[36]).isZero();
    assertThat(shifted.data()[36 + 2 * 6 + 1]).isCloseTo(0 / 35f, within(1e-6f));
    assertThat(shifted.data()[36 + 3 * 6 + 2]).isCloseTo((1 * 6 + 1) / 35f, within(1e-6f));
  }

  @Test
  void quarterTurnsPermutePixelsAndFourRestoreTheImage() {
    HostTensor once = ImageAugmentation.transform(images(), 90, 1, 0, 0);
    // centre (2.5, 2.5); (row 2, col 4) is right of it; a clockwise quarter turn puts it below: (row 4, col 3)
    assertThat(once.data()[4 * 6 + 3]).isCloseTo(1f, within(1e-5f));
    assertThat(sum(once, 0)).isCloseTo(1f, within(1e-5f));
    HostTensor back = once;
    for (int k = 0; k < 3; k++) {
      back = ImageAugmentation.transform(back, 90, 1, 0, 0);
    }
    for (int i = 0; i < back.data().length; i++) {
      assertThat(back.data()[i]).isCloseTo(images().data()[i], within(1e-5f));
    }
  }

  @Test
  void sameGeneratorGivesTheSameBatchAndImagesGetTheirOwnDraws() {
    HostTensor ones = new HostTensor(filled(4 * 28 * 28, 1f), new int[] {4, 1, 28, 28});
    ImageAugmentation strong = ImageAugmentation.STRONG;
    HostTensor a = strong.apply(ones, new SplittableRandom(3));
    HostTensor b = strong.apply(ones, new SplittableRandom(3));
    assertThat(a).isEqualTo(b);
    assertThat(a.rows(0, 1)).isNotEqualTo(a.rows(1, 2));
    for (float v : a.data()) {
      assertThat(v).isBetween(0f, 1f);
    }
  }

  @Test
  void cutoutZeroesOneSquareOfTheGivenSide() {
    ImageAugmentation cutout = new ImageAugmentation(0, 0, 0, 4, 0);
    HostTensor ones = new HostTensor(filled(28 * 28, 1f), new int[] {1, 1, 28, 28});
    SplittableRandom random = new SplittableRandom(11);
    int interior = 0;
    for (int trial = 0; trial < 50; trial++) {
      HostTensor out = cutout.apply(ones, random);
      int zeros = 784 - Math.round(sum(out, 0));
      assertThat(zeros).isBetween(4, 16); // clipped at the border, never larger than 4x4
      interior += zeros == 16 ? 1 : 0;
    }
    assertThat(interior).isGreaterThan(30);
  }

  @Test
  void brightnessShiftsEveryPixelOfAnImageByTheSameDrawnOffset() {
    HostTensor grey = new HostTensor(filled(3 * 36, 0.5f), new int[] {3, 1, 6, 6});
    HostTensor out = new ImageAugmentation(0, 0, 0, 0, 0, 0.2, 0.0).apply(grey, new SplittableRandom(5));
    float[] offsets = new float[3];
    for (int i = 0; i < 3; i++) {
      offsets[i] = out.data()[i * 36] - 0.5f;
      assertThat(offsets[i]).isBetween(-0.2f, 0.2f);
      for (int k = i * 36; k < (i + 1) * 36; k++) {
        assertThat(out.data()[k] - 0.5f).isCloseTo(offsets[i], within(1e-6f));
      }
    }
    assertThat(offsets[0]).as("each image draws its own offset").isNotEqualTo(offsets[1]);
  }

  @Test
  void contrastScalesDeviationsFromTheImageMeanAndKeepsTheMean() {
    float[] values = new float[36];
    for (int k = 0; k < 36; k++) {
      values[k] = 0.25f + 0.5f * k / 35; // no clipping for a factor up to 1.4
    }
    HostTensor ramp = new HostTensor(values, new int[] {1, 1, 6, 6});
    HostTensor out = new ImageAugmentation(0, 0, 0, 0, 0, 0.0, 0.4).apply(ramp, new SplittableRandom(2));
    float mean = sum(ramp, 0) / 36;
    float factor = (out.data()[35] - mean) / (ramp.data()[35] - mean);
    assertThat(factor).isBetween(0.6f, 1.4f).isNotCloseTo(1f, within(1e-3f));
    for (int k = 0; k < 36; k++) {
      assertThat(out.data()[k] - mean).isCloseTo(factor * (ramp.data()[k] - mean), within(1e-5f));
    }
    assertThat(sum(out, 0) / 36).isCloseTo(mean, within(1e-5f));
  }

  @Test
  void intensityChangesClipToTheUnitRangeAndBadLevelsAreRefused() {
    HostTensor ones = new HostTensor(filled(2 * 28 * 28, 1f), new int[] {2, 1, 28, 28});
    for (float v : new ImageAugmentation(0, 0, 0, 0, 0, 0.5, 0.5).apply(ones, new SplittableRandom(9)).data()) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(new ImageAugmentation(0, 0, 0, 0, 0, 0.1, 0.0).isIdentity()).isFalse();
    assertThatThrownBy(() -> new ImageAugmentation(0, 0, 0, 0, 0, 0.0, 1.0)).hasMessageContaining("contrast change 1.0");
  }

  @Test
  void identityLeavesTheBatchAloneAndBadLevelsAreRefused() {
    HostTensor x = images();
    assertThat(new ImageAugmentation(0, 0, 0, 0, 0).apply(x, new SplittableRandom(1))).isSameAs(x);
    assertThatThrownBy(() -> new ImageAugmentation(-1, 0, 0, 0, 0)).hasMessageContaining("rotation -1");
    assertThatThrownBy(() -> ImageAugmentation.WEAK.apply(new HostTensor(new float[4], new int[] {2, 2}),
        new SplittableRandom(1))).hasMessageContaining("[n, c, h, w]");
  }

  private static float sum(HostTensor t, int image) {
    int size = t.rowSize();
    float s = 0;
    for (int k = image * size; k < (image + 1) * size; k++) {
      s += t.data()[k];
    }
    return s;
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
