package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.latentlab.plugins.datasets.IdxFiles.gzip;
import static org.latentlab.plugins.datasets.IdxFiles.images;
import static org.latentlab.plugins.datasets.IdxFiles.labels;
import static org.latentlab.plugins.datasets.IdxFiles.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetProviderTest {

  private final IdxDatasetProvider provider = new IdxDatasetProvider();
  @TempDir Path dir;

  private IdxParameters files(byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels,
      List<String> classNames) {
    return new IdxParameters(write(dir, "train-images.gz", trainImages), write(dir, "train-labels.gz", trainLabels),
        write(dir, "test-images", testImages), write(dir, "test-labels", testLabels), classNames, null);
  }

  @Test
  void loadsBothSplitsWithSources() throws IOException {
    Dataset data = provider.load(files(gzip(images(4, 3, 2)), gzip(labels(0, 1, 2, 3)),
        images(2, 3, 2), labels(9, 5), null));

    assertThat(data.name()).isEqualTo("IDX");
    assertThat(data.train().size()).isEqualTo(4);
    assertThat(data.test().size()).isEqualTo(2);
    assertThat(data.shape().height()).isEqualTo(3);
    assertThat(data.shape().width()).isEqualTo(2);
    assertThat(data.test().labels()).containsExactly(9, 5);
    assertThat(data.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(data.sources()).extracting(DataSource::location).containsExactly(
        dir.resolve("train-images.gz").toString(), dir.resolve("train-labels.gz").toString(),
        dir.resolve("test-images").toString(), dir.resolve("test-labels").toString());
  }

  @Test
  void givenClassNamesAndNameAreUsed() throws IOException {
    IdxParameters p = files(images(2, 2, 2), labels(0, 1), images(1, 2, 2), labels(1), List.of("cat", "dog"));
    Dataset data = provider.load(new IdxParameters(p.trainImages(), p.trainLabels(), p.testImages(),
        p.testLabels(), p.classNames(), "Pets"));
    assertThat(data.name()).isEqualTo("Pets");
    assertThat(data.classNames()).containsExactly("cat", "dog");
  }

  @Test
  void labelsAboveNineGetDerivedClassNames() throws IOException {
    Dataset data = provider.load(files(images(2, 2, 2), labels(0, 11), images(1, 2, 2), labels(3), null));
    assertThat(data.numClasses()).isEqualTo(12);
    assertThat(data.classNames()).endsWith("10", "11");
  }

  @Test
  void labelWithoutClassNameIsRefused() {
    IdxParameters p = files(images(2, 2, 2), labels(0, 1), images(2, 2, 2), labels(1, 2), List.of("a", "b"));
    assertThatThrownBy(() -> provider.load(p))
        .isInstanceOf(IOException.class)
        .hasMessage(p.testLabels() + ": label 2 (item 1) has no class name: classNames lists 2;"
            + " expected labels 0..1 (add class names or check the file)");
  }

  @Test
  void countMismatchWithinASplitIsRefused() {
    IdxParameters p = files(images(3, 2, 2), labels(0, 1), images(1, 2, 2), labels(1), null);
    assertThatThrownBy(() -> provider.load(p))
        .hasMessage(p.trainImages() + " holds 3 images but " + p.trainLabels()
            + " holds 2 labels; expected one label per image (are the two files from the same split?)");
  }

  @Test
  void geometryMismatchBetweenSplitsIsRefused() {
    IdxParameters p = files(images(1, 2, 2), labels(0), images(1, 3, 2), labels(1), null);
    assertThatThrownBy(() -> provider.load(p))
        .hasMessage(p.trainImages() + " holds 2x2 images but " + p.testImages()
            + " holds 3x2 images; expected both splits to share one geometry");
  }

  @Test
  void aCorruptFileFailsTheWholeLoad() {
    IdxParameters p = files(images(1, 2, 2), labels(0), IdxFiles.cut(images(2, 2, 2), 20), labels(1, 1), null);
    assertThatThrownBy(() -> provider.load(p))
        .hasMessage(p.testImages() + ": truncated: header promises 2 images of 2x2 (8 bytes) but only 4 bytes follow");
  }

  @Test
  void validFilesHaveNoProblems() {
    Problems problems = new Problems();
    files(images(1, 2, 2), labels(0), images(1, 2, 2), labels(1), null).validate(problems);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void absentAndMissingPathsAreProblemsNamingTheField() {
    Path missing = dir.resolve("nope.gz");
    Problems problems = new Problems();
    new IdxParameters(null, missing, dir, write(dir, "ok", labels(1)), null, null).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "trainImages is required: the path of an IDX file (was null)",
        "trainLabels must be an existing IDX file; check the path (was " + missing + ")",
        "testImages must be an existing IDX file; check the path (was " + dir + ")");
  }

  @Test
  void blankAndDuplicateClassNamesAndBlankNameAreProblems() {
    Path ok = write(dir, "ok", labels(1));
    Problems problems = new Problems();
    new IdxParameters(ok, ok, ok, ok, List.of("a", " ", "a"), "").validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "classNames[1] must not be blank (was  )",
        "classNames[2] must differ from the other class names (was a)",
        "name must not be blank (was )");
  }

  @Test
  void loadRefusesInvalidParameters() {
    assertThatThrownBy(() -> provider.load(new IdxParameters(null, null, null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("idx parameters: trainImages is required");
  }
}
