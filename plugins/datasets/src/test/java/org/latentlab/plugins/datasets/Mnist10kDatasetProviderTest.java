package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.stream.IntStream;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Mnist10kDatasetProviderTest {

  private static final Mnist10kDatasetProvider PROVIDER = new Mnist10kDatasetProvider();
  private static Dataset full;

  @BeforeAll
  static void load() throws IOException {
    full = PROVIDER.load(new Mnist10kParameters(null, null));
  }

  @Test
  void splitsEightThousandAndTwoThousand() {
    assertThat(full.name()).isEqualTo("MNIST-10k");
    assertThat(full.train().size()).isEqualTo(8000);
    assertThat(full.test().size()).isEqualTo(2000);
  }

  @Test
  void imagesAreOneByTwentyEightByTwentyEight() {
    assertThat(full.shape().channels()).isEqualTo(1);
    assertThat(full.shape().height()).isEqualTo(28);
    assertThat(full.shape().width()).isEqualTo(28);
    assertThat(full.shape().numClasses()).isEqualTo(10);
    assertThat(full.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }

  @Test
  void valuesAreInTheUnitRangeAndUseIt() {
    for (ImageSet split : new ImageSet[] {full.train(), full.test()}) {
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (float v : split.pixels()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      assertThat(min).isEqualTo(0f);
      assertThat(max).isEqualTo(1f);
    }
  }

  @Test
  void classCountsMatchTheProvenanceNote() {
    int[] counts = new int[10];
    IntStream.concat(IntStream.of(full.train().labels()), IntStream.of(full.test().labels()))
        .forEach(label -> counts[label]++);
    assertThat(counts).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
  }

  @Test
  void loadsTheSameLabelsAndPixelsEveryTime() throws IOException {
    Dataset again = PROVIDER.load(new Mnist10kParameters(null, null));
    assertThat(again.train().labels()).isEqualTo(full.train().labels());
    assertThat(again.test().labels()).isEqualTo(full.test().labels());
    assertThat(again.test().pixels()).isEqualTo(full.test().pixels());
  }

  @Test
  void smallBudgetsTakeTheFirstTrainAndLastTestImages() throws IOException {
    Dataset tiny = PROVIDER.load(new Mnist10kParameters(100, 30));
    assertThat(tiny.train().labels()).isEqualTo(full.train().range(0, 100).labels());
    assertThat(tiny.train().pixels()).isEqualTo(full.train().range(0, 100).pixels());
    assertThat(tiny.test().labels()).isEqualTo(full.test().range(1970, 2000).labels());
    assertThat(tiny.test().pixels()).isEqualTo(full.test().range(1970, 2000).pixels());
  }

  @Test
  void sourcesNameTheResourcesWithTheirHashes() {
    assertThat(full.sources()).extracting(DataSource::location).containsExactly(
        "classpath:org/latentlab/plugins/datasets/mnist10k/mnist10k-images-idx3-ubyte.gz",
        "classpath:org/latentlab/plugins/datasets/mnist10k/mnist10k-labels-idx1-ubyte.gz");
    assertThat(full.sources()).extracting(DataSource::sha256).containsExactly(
        "cf5ac7f13aa1b4c4c6821b0f6a49970a2cbc2c6ca5a88b0b97bede4b097b1144",
        "f70976c0fddb6cc39c50ea77a3b6b2fddb167ccd3c0ca3f2a7ea98a7295a7a60");
    assertThat(full.sources()).extracting(DataSource::bytes).containsExactly(1_613_192L, 5_095L);
  }

  @Test
  void provenanceNoteShipsBesideTheData() {
    assertThat(Mnist10kDatasetProvider.class.getResource("mnist10k/PROVENANCE.md")).isNotNull();
  }

  @Test
  void defaultsAreTheWholeSplits() {
    Mnist10kParameters p = new Mnist10kParameters(null, null);
    assertThat(p.trainSize()).isEqualTo(8000);
    assertThat(p.testSize()).isEqualTo(2000);
    Problems problems = new Problems();
    p.validate(problems);
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void outOfRangeSizesAreProblemsNamingFieldValueAndRange() {
    Problems problems = new Problems();
    new Mnist10kParameters(0, 2001).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "trainSize must be in 1..8000 (the embedded training split) (was 0)",
        "testSize must be in 1..2000 (the embedded test split) (was 2001)");
  }

  @Test
  void loadRefusesInvalidParameters() {
    assertThatThrownBy(() -> PROVIDER.load(new Mnist10kParameters(9000, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mnist-10k parameters: trainSize must be in 1..8000 (the embedded training split) (was 9000)");
  }
}
