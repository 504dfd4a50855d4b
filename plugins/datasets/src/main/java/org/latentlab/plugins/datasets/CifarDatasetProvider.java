package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.DatasetProvider;

/**
 * CIFAR-10 (Krizhevsky, 2009, "Learning Multiple Layers of Features from Tiny Images") from the
 * binary version the user brings: {@code data_batch_1.bin} .. {@code data_batch_5.bin} are the
 * training split in that order, {@code test_batch.bin} the test split; 32x32 RGB images, ten classes
 * airplane .. truck. Every file is read and checked (see {@link CifarBatch}) before anything is
 * returned, even when only a prefix is used.
 */
public final class CifarDatasetProvider implements DatasetProvider<CifarParameters> {

  /** Images in the full training split. */
  public static final int TRAIN_SIZE = 50_000;
  /** Images in the full test split. */
  public static final int TEST_SIZE = 10_000;

  static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
      "data_batch_4.bin", "data_batch_5.bin");
  static final String TEST_FILE = "test_batch.bin";
  /** Every file the folder must hold. */
  static final List<String> FILES = Stream.concat(TRAIN_FILES.stream(), Stream.of(TEST_FILE)).toList();

  private static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
      "dog", "frog", "horse", "ship", "truck");

  @Override
  public String id() {
    return "cifar10";
  }

  @Override
  public String description() {
    return "CIFAR-10 from its binary batch files: 50,000 train and 10,000 test 32x32 colour images, 10 classes";
  }

  @Override
  public Class<CifarParameters> parametersType() {
    return CifarParameters.class;
  }

  @Override
  public Dataset load(CifarParameters parameters) throws IOException {
    Validation.requireValid(id(), parameters);
    List<CifarBatch> train = new ArrayList<>();
    for (String name : TRAIN_FILES) {
      train.add(CifarBatch.read(parameters.folder().resolve(name)));
    }
    List<CifarBatch> test = List.of(CifarBatch.read(parameters.folder().resolve(TEST_FILE)));
    List<DataSource> sources = new ArrayList<>();
    train.forEach(batch -> sources.add(batch.source()));
    sources.add(test.get(0).source());
    return new Dataset("CIFAR-10", CifarBatch.images(train, size(train, parameters.trainSize(), "trainSize")),
        CifarBatch.images(test, size(test, parameters.testSize(), "testSize")), CLASS_NAMES, sources);
  }

  /** {@code wanted}, or all records when absent; refuses more than the files hold. */
  private static int size(List<CifarBatch> batches, Integer wanted, String field) throws IOException {
    int available = batches.stream().mapToInt(CifarBatch::count).sum();
    if (wanted != null && wanted > available) {
      Path folder = Path.of(batches.get(0).source().location()).getParent();
      throw new IOException(folder + ": the batches hold " + available + " images but " + field + " asks for "
          + wanted + "; expected at most " + available + " (lower " + field + " or check the files)");
    }
    return wanted == null ? available : wanted;
  }
}
