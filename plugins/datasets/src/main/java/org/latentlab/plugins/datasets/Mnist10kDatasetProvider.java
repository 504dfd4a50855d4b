package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.DatasetProvider;

/**
 * The embedded default data set: 10,000 MNIST digits (28x28, classes "0".."9") shipped inside this
 * jar, the first 8,000 the training split and the last 2,000 the test split. Provenance of the digits
 * is in {@code mnist10k/PROVENANCE.md} beside them.
 */
public final class Mnist10kDatasetProvider implements DatasetProvider<Mnist10kParameters> {

  /** Images in the training split. */
  public static final int TRAIN_SIZE = 8_000;
  /** Images in the test split. */
  public static final int TEST_SIZE = 2_000;

  private static final String IMAGES = "mnist10k-images-idx3-ubyte.gz";
  private static final String LABELS = "mnist10k-labels-idx1-ubyte.gz";
  private static final String FOLDER = "mnist10k/";
  private static final int SIZE = TRAIN_SIZE + TEST_SIZE;
  private static final int SIDE = 28;

  @Override
  public String id() {
    return "mnist-10k";
  }

  @Override
  public String description() {
    return "10,000 MNIST digits embedded in the plugin, 28x28 grayscale: first 8,000 train, last 2,000 test";
  }

  @Override
  public Class<Mnist10kParameters> parametersType() {
    return Mnist10kParameters.class;
  }

  @Override
  public Dataset load(Mnist10kParameters parameters) throws IOException {
    Validation.requireValid(id(), parameters);
    IdxImages images = IdxReader.readImages(location(IMAGES), resource(IMAGES));
    IdxLabels labels = IdxReader.readLabels(location(LABELS), resource(LABELS));
    ImageSet all = images.withLabels(labels);
    if (all.size() != SIZE || images.rows() != SIDE || images.cols() != SIDE) {
      throw new IOException(images.source().location() + ": holds " + all.size() + " images of "
          + images.geometry() + "; expected " + SIZE + " of " + SIDE + "x" + SIDE + " (the plugin jar is damaged)");
    }
    List<String> classNames = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    return new Dataset("MNIST-10k", all.range(0, parameters.trainSize()),
        all.range(SIZE - parameters.testSize(), SIZE), classNames, List.of(images.source(), labels.source()));
  }

  /** The provenance location of an embedded file. */
  private static String location(String file) {
    return "classpath:" + Mnist10kDatasetProvider.class.getPackageName().replace('.', '/') + "/" + FOLDER + file;
  }

  private byte[] resource(String file) throws IOException {
    try (InputStream in = Mnist10kDatasetProvider.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IOException(location(file) + ": missing from the plugin jar; expected it beside "
            + Mnist10kDatasetProvider.class.getName() + " (the jar is damaged: rebuild or download it again)");
      }
      return in.readAllBytes();
    }
  }
}
