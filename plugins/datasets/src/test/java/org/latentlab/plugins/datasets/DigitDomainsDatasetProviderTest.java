package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;

class DigitDomainsDatasetProviderTest {
  private static Dataset grey;
  private static Dataset colour;
  private static Dataset domains;

  @BeforeAll
  static void load() throws IOException {
    grey = new Mnist10kDatasetProvider().load(new Mnist10kParameters(300, 100));
    colour = new ColourDigitsDatasetProvider().load(new ColourDigitsParameters(3L, 300, 100));
    domains = new DigitDomainsDatasetProvider().load(new DigitDomainsParameters(3L, 300, 100));
  }

  @Test
  void sourceHalfIsTheGreyDigitsInThreeChannelsWithTheirLabels() {
    ImageSet train = domains.train();
    assertThat(train.size()).isEqualTo(300);
    assertThat(train.channels()).isEqualTo(3);
    for (int i = 0; i < 150; i++) {
      assertThat(train.labels()[i]).isEqualTo(grey.train().labels()[i]);
      for (int c = 0; c < 3; c++) {
        float[] plane = Arrays.copyOfRange(train.pixels(), (i * 3 + c) * 784, (i * 3 + c + 1) * 784);
        assertThat(plane).isEqualTo(Arrays.copyOfRange(grey.train().pixels(), i * 784, (i + 1) * 784));
      }
      assertThat(train.factors().get(DigitDomainsDatasetProvider.DOMAIN)[i]).isZero();
      assertThat(train.factors().get("foregroundGreen")[i]).isEqualTo(1f);
      assertThat(train.factors().get("backgroundGreen")[i]).isZero();
    }
  }

  @Test
  void targetHalfIsTheOtherColourDigitsWithoutLabels() {
    ImageSet train = domains.train();
    for (int i = 150; i < 300; i++) {
      assertThat(train.labels()[i]).isEqualTo(-1);
      assertThat(train.factors().get(DigitDomainsDatasetProvider.DOMAIN)[i]).isEqualTo(1f);
      assertThat(train.factors().get("backgroundRed")[i]).isEqualTo(colour.train().factors().get("backgroundRed")[i]);
    }
    assertThat(Arrays.copyOfRange(train.pixels(), 150 * 3 * 784, 300 * 3 * 784))
        .isEqualTo(Arrays.copyOfRange(colour.train().pixels(), 150 * 3 * 784, 300 * 3 * 784));
  }

  @Test
  void testSplitIsTheLabelledColourTestSplit() {
    assertThat(domains.test().pixels()).isEqualTo(colour.test().pixels());
    assertThat(domains.test().labels()).isEqualTo(colour.test().labels());
    assertThat(domains.test().factors().get(DigitDomainsDatasetProvider.DOMAIN)).containsOnly(1f);
    assertThat(domains.classNames()).hasSize(10);
  }

  @Test
  void tooFewTrainingImagesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new DigitDomainsDatasetProvider().load(new DigitDomainsParameters(null, 1, null)))
        .hasMessageContaining("trainSize must be >= 2 (half source, half target) (was 1)");
  }
}
