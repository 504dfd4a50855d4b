package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ColourDigitsDatasetProviderTest {

  private static final ColourDigitsDatasetProvider PROVIDER = new ColourDigitsDatasetProvider();
  private static Dataset digits;
  private static Dataset coloured;

  @BeforeAll
  static void load() throws IOException {
    digits = new Mnist10kDatasetProvider().load(new Mnist10kParameters(300, 100));
    coloured = PROVIDER.load(new ColourDigitsParameters(4L, 300, 100));
  }

  @Test
  void defaultsAreTheWholeMnist10kInThreeChannels() throws IOException {
    Dataset full = PROVIDER.load(new ColourDigitsParameters(null, null, null));
    assertThat(full.name()).isEqualTo("Colour digits");
    assertThat(full.train().size()).isEqualTo(8000);
    assertThat(full.test().size()).isEqualTo(2000);
    assertThat(full.shape().channels()).isEqualTo(3);
    assertThat(full.shape().height()).isEqualTo(28);
    assertThat(full.shape().width()).isEqualTo(28);
    assertThat(full.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }

  @Test
  void labelsStayTheDigits() {
    assertThat(coloured.train().labels()).isEqualTo(digits.train().labels());
    assertThat(coloured.test().labels()).isEqualTo(digits.test().labels());
  }

  @Test
  void inkTakesTheForegroundAndPaperTheBackgroundColour() {
    for (ImageSet[] pair : new ImageSet[][] {{digits.train(), coloured.train()}, {digits.test(), coloured.test()}}) {
      ImageSet grey = pair[0];
      ImageSet colour = pair[1];
      for (int i = 0; i < grey.size(); i++) {
        for (int c = 0; c < 3; c++) {
          float fg = colour.factors().get(ColourDigitsDatasetProvider.FACTORS.get(c))[i];
          float bg = colour.factors().get(ColourDigitsDatasetProvider.FACTORS.get(3 + c))[i];
          for (int p = 0; p < 28 * 28; p++) {
            float v = grey.pixels()[i * 784 + p];
            float expected = bg + v * (fg - bg);
            assertThat(colour.pixels()[(i * 3 + c) * 784 + p]).isCloseTo(expected, within(1e-6f));
          }
        }
      }
    }
  }

  @Test
  void coloursAreInTheUnitCubeAndFarEnoughApart() {
    ImageSet train = coloured.train();
    for (int i = 0; i < train.size(); i++) {
      double distance = 0;
      for (int c = 0; c < 3; c++) {
        float fg = train.factors().get(ColourDigitsDatasetProvider.FACTORS.get(c))[i];
        float bg = train.factors().get(ColourDigitsDatasetProvider.FACTORS.get(3 + c))[i];
        assertThat(fg).isBetween(0f, 1f);
        assertThat(bg).isBetween(0f, 1f);
        distance += (fg - bg) * (fg - bg);
      }
      assertThat(Math.sqrt(distance)).isGreaterThanOrEqualTo(ColourDigitsDatasetProvider.MIN_CONTRAST - 1e-6);
    }
    for (float v : train.pixels()) {
      assertThat(v).isBetween(0f, 1f);
    }
  }

  @Test
  void coloursVaryFromImageToImage() {
    float[] red = coloured.train().factors().get("foregroundRed");
    assertThat(red[0]).isNotEqualTo(red[1]);
    double mean = 0;
    for (float v : red) {
      mean += v / red.length;
    }
    assertThat(mean).isCloseTo(0.5, within(0.1));
  }

  @Test
  void sameSeedGivesTheSameImagesAnotherSeedOthers() throws IOException {
    Dataset again = PROVIDER.load(new ColourDigitsParameters(4L, 300, 100));
    Dataset other = PROVIDER.load(new ColourDigitsParameters(5L, 300, 100));
    assertThat(again.train().pixels()).isEqualTo(coloured.train().pixels());
    assertThat(again.test().pixels()).isEqualTo(coloured.test().pixels());
    assertThat(other.train().pixels()).isNotEqualTo(coloured.train().pixels());
    assertThat(other.test().pixels()).isNotEqualTo(coloured.test().pixels());
  }

  @Test
  void sourcesAreTheDigitsAndTheColouring() {
    assertThat(coloured.sources()).extracting(DataSource::location).containsExactly(
        "classpath:org/latentlab/plugins/datasets/mnist10k/mnist10k-images-idx3-ubyte.gz",
        "classpath:org/latentlab/plugins/datasets/mnist10k/mnist10k-labels-idx1-ubyte.gz",
        "generated:colour-digits?seed=4&trainSize=300&testSize=100");
  }

  @Test
  void sizesAreCheckedAsForMnist10k() {
    Problems problems = new Problems();
    new ColourDigitsParameters(1L, 0, 2001).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "trainSize must be in 1..8000 (the embedded training split) (was 0)",
        "testSize must be in 1..2000 (the embedded test split) (was 2001)");
  }

  @Test
  void loadRefusesInvalidParameters() {
    assertThatThrownBy(() -> PROVIDER.load(new ColourDigitsParameters(null, 9000, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("colour-digits parameters: trainSize must be in 1..8000 (the embedded training split) (was 9000)");
  }
}
