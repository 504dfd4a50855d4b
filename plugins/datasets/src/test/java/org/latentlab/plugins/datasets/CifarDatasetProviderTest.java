package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.latentlab.plugins.datasets.IdxFiles.cut;
import static org.latentlab.plugins.datasets.IdxFiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarDatasetProviderTest {

  private final CifarDatasetProvider provider = new CifarDatasetProvider();
  @TempDir Path dir;

  /** Batch {@code b} (test: 5) holds {@code b + 1} records; record {@code i} has label {@code (b + i) % 10}. */
  @BeforeEach
  void writeBatches() {
    for (int b = 0; b < 6; b++) {
      int[] labels = new int[b + 1];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = (b + i) % 10;
      }
      write(dir, CifarDatasetProvider.FILES.get(b), records(labels));
    }
  }

  /** Records whose pixel byte {@code p} of record {@code i} is {@code (label * 7 + i + p) % 256}. */
  private static byte[] records(int... labels) {
    byte[] out = new byte[labels.length * 3073];
    for (int i = 0; i < labels.length; i++) {
      out[i * 3073] = (byte) labels[i];
      for (int p = 0; p < 3072; p++) {
        out[i * 3073 + 1 + p] = (byte) (labels[i] * 7 + i + p);
      }
    }
    return out;
  }

  @Test
  void loadsTheFiveTrainingBatchesInOrderAndTheTestBatch() throws IOException {
    Dataset data = provider.load(new CifarParameters(dir, null, null));
    assertThat(data.name()).isEqualTo("CIFAR-10");
    assertThat(data.train().labels()).containsExactly(0, 1, 2, 2, 3, 4, 3, 4, 5, 6, 4, 5, 6, 7, 8);
    assertThat(data.test().labels()).containsExactly(5, 6, 7, 8, 9, 0);
    assertThat(data.shape().channels()).isEqualTo(3);
    assertThat(data.shape().height()).isEqualTo(32);
    assertThat(data.shape().width()).isEqualTo(32);
  }

  @Test
  void redGreenAndBluePlanesBecomeTheThreeChannels() throws IOException {
    Dataset data = provider.load(new CifarParameters(dir, null, null));
    // test record 5 has label 0: byte p is (5 + p) % 256; red row 0, green row 1 col 2, blue last pixel
    int image = 5 * 3072;
    assertThat(data.test().pixels()[image]).isEqualTo(5 / 255f);
    assertThat(data.test().pixels()[image + 1024 + 32 + 2]).isEqualTo(((5 + 1024 + 34) % 256) / 255f);
    assertThat(data.test().pixels()[image + 3071]).isEqualTo(((5 + 3071) % 256) / 255f);
  }

  @Test
  void classNamesAreTheTenCifarClasses() throws IOException {
    assertThat(provider.load(new CifarParameters(dir, null, null)).classNames()).containsExactly(
        "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
  }

  @Test
  void sizesTakePrefixesAcrossBatches() throws IOException {
    Dataset data = provider.load(new CifarParameters(dir, 4, 2));
    assertThat(data.train().labels()).containsExactly(0, 1, 2, 2);
    assertThat(data.test().labels()).containsExactly(5, 6);
  }

  @Test
  void sourcesAreTheSixFilesWithHashes() throws IOException {
    Dataset data = provider.load(new CifarParameters(dir, null, null));
    assertThat(data.sources()).extracting(DataSource::location).containsExactly(
        CifarDatasetProvider.FILES.stream().map(name -> dir.resolve(name).toString()).toArray(String[]::new));
    assertThat(data.sources().get(0).bytes()).isEqualTo(3073);
    assertThat(data.sources().get(0).sha256()).hasSize(64);
  }

  @Test
  void moreImagesThanTheFilesHoldIsRefused() {
    assertThatThrownBy(() -> provider.load(new CifarParameters(dir, 20, null)))
        .isInstanceOf(IOException.class)
        .hasMessage(dir + ": the batches hold 15 images but trainSize asks for 20;"
            + " expected at most 15 (lower trainSize or check the files)");
  }

  @Test
  void truncatedRecordNamesTheFileAndTheCount() {
    Path file = write(dir, "data_batch_3.bin", cut(records(1, 2), 3073 + 100));
    assertThatThrownBy(() -> provider.load(new CifarParameters(dir, null, null)))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": truncated: 3173 bytes are 1 whole 3073-byte records and 100 bytes more;"
            + " expected a CIFAR-10 binary batch (records of 1 label byte + 3072 pixel bytes)"
            + " (was the download interrupted? is it the binary version, cifar-10-binary.tar.gz?)");
  }

  @Test
  void labelAboveNineNamesTheFileAndTheRecord() {
    Path file = write(dir, "test_batch.bin", records(3, 9, 12));
    assertThatThrownBy(() -> provider.load(new CifarParameters(dir, null, null)))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": record 2 has label 12; expected a class index 0..9"
            + " (is this CIFAR-100, whose records start with 2 label bytes, or another format?)");
  }

  @Test
  void emptyFileIsRefused() {
    Path file = write(dir, "data_batch_5.bin", new byte[0]);
    assertThatThrownBy(() -> provider.load(new CifarParameters(dir, null, null)))
        .hasMessage(file + ": empty; expected a CIFAR-10 binary batch (records of 1 label byte + 3072 pixel bytes)");
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("gone.bin");
    assertThatThrownBy(() -> CifarBatch.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": missing: no such file; expected a CIFAR-10 binary batch"
            + " (records of 1 label byte + 3072 pixel bytes) (check the path)");
  }

  @Test
  void completeFolderHasNoProblems() {
    Problems problems = new Problems();
    new CifarParameters(dir, 15, 6).validate(problems);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void missingBatchesAreAProblemListingThem() throws IOException {
    Files.delete(dir.resolve("data_batch_2.bin"));
    Files.delete(dir.resolve("test_batch.bin"));
    Problems problems = new Problems();
    new CifarParameters(dir, null, null).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "folder must hold the CIFAR-10 binary batches; missing data_batch_2.bin, test_batch.bin"
            + " (extract cifar-10-binary.tar.gz and name its cifar-10-batches-bin folder) (was " + dir + ")");
  }

  @Test
  void absentOrMissingFolderAndBadSizesAreProblemsNamingTheField() {
    Problems absent = new Problems();
    new CifarParameters(null, 0, 10_001).validate(absent);
    assertThat(absent.all()).extracting(Problems.Problem::message).containsExactly(
        "folder is required: the folder holding the CIFAR-10 binary batches (was null)",
        "trainSize must be in 1..50000 or absent (all) (was 0)",
        "testSize must be in 1..10000 or absent (all) (was 10001)");
    Path file = dir.resolve("test_batch.bin");
    Problems notAFolder = new Problems();
    new CifarParameters(file, null, null).validate(notAFolder);
    assertThat(notAFolder.all()).extracting(Problems.Problem::message).containsExactly(
        "folder must be an existing folder; check the path (was " + file + ")");
  }

  @Test
  void loadRefusesInvalidParameters() {
    assertThatThrownBy(() -> provider.load(new CifarParameters(null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cifar10 parameters: folder is required:"
            + " the folder holding the CIFAR-10 binary batches (was null)");
  }
}
