package org.latentlab.api.data;

import java.util.List;

/**
 * A loaded data set: a training and a test split of labelled images with their provenance.
 *
 * @param name       display name (e.g. {@code MNIST-10k})
 * @param train      the training split
 * @param test       the test split
 * @param classNames one name per class index
 * @param sources    where the bytes came from, with hashes
 */
public record Dataset(String name, ImageSet train, ImageSet test, List<String> classNames, List<DataSource> sources) {

  /** Checks that the splits agree. */
  public Dataset {
    classNames = List.copyOf(classNames);
    sources = List.copyOf(sources);
    if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
      throw new IllegalArgumentException("train and test images differ in shape");
    }
  }

  /** Number of classes. */
  public int numClasses() {
    return classNames.size();
  }

  /** The geometry shared by both splits. */
  public DataShape shape() {
    return new DataShape(train.channels(), train.height(), train.width(), numClasses());
  }
}
