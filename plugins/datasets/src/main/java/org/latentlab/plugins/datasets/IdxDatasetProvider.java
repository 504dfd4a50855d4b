package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.DatasetProvider;

/**
 * A data set from four IDX files the user brings (full MNIST, Fashion-MNIST, KMNIST, ...): training
 * and test images and labels. Loading checks that each split has one label per image, that both
 * splits share one image geometry, and that every label has a class name.
 */
public final class IdxDatasetProvider implements DatasetProvider<IdxParameters> {

  private static final int DEFAULT_CLASSES = 10;

  @Override
  public String id() {
    return "idx";
  }

  @Override
  public String description() {
    return "Images and labels from IDX files (gzip or raw), e.g. full MNIST, Fashion-MNIST, KMNIST";
  }

  @Override
  public Class<IdxParameters> parametersType() {
    return IdxParameters.class;
  }

  @Override
  public Dataset load(IdxParameters parameters) throws IOException {
    Validation.requireValid(id(), parameters);
    IdxImages trainImages = IdxReader.readImages(parameters.trainImages());
    IdxLabels trainLabels = IdxReader.readLabels(parameters.trainLabels());
    IdxImages testImages = IdxReader.readImages(parameters.testImages());
    IdxLabels testLabels = IdxReader.readLabels(parameters.testLabels());
    ImageSet train = trainImages.withLabels(trainLabels);
    ImageSet test = testImages.withLabels(testLabels);
    if (trainImages.rows() != testImages.rows() || trainImages.cols() != testImages.cols()) {
      throw new IOException(trainImages.source().location() + " holds " + trainImages.geometry() + " images but "
          + testImages.source().location() + " holds " + testImages.geometry()
          + " images; expected both splits to share one geometry");
    }
    List<String> classNames = parameters.classNames().isEmpty()
        ? defaultClassNames(trainLabels, testLabels) : parameters.classNames();
    requireNamed(trainLabels, classNames);
    requireNamed(testLabels, classNames);
    return new Dataset(parameters.name(), train, test, classNames, List.of(trainImages.source(),
        trainLabels.source(), testImages.source(), testLabels.source()));
  }

  /** "0".."9", or "0".."max label" when a label exceeds 9. */
  private static List<String> defaultClassNames(IdxLabels train, IdxLabels test) {
    int classes = Math.max(DEFAULT_CLASSES, Math.max(maxLabel(train), maxLabel(test)) + 1);
    return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
  }

  private static int maxLabel(IdxLabels labels) {
    int i = labels.indexOfMax();
    return i < 0 ? -1 : labels.labels()[i];
  }

  private static void requireNamed(IdxLabels labels, List<String> classNames) throws IOException {
    int i = labels.indexOfMax();
    if (i >= 0 && labels.labels()[i] >= classNames.size()) {
      throw new IOException(labels.source().location() + ": label " + labels.labels()[i] + " (item " + i
          + ") has no class name: classNames lists " + classNames.size()
          + "; expected labels 0.." + (classNames.size() - 1) + " (add class names or check the file)");
    }
  }
}
