package org.latentlab.plugins.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link CifarDatasetProvider}. Relative paths arrive already resolved by the launcher.
 *
 * @param folder    the folder holding {@code data_batch_1.bin} .. {@code data_batch_5.bin} and
 *                  {@code test_batch.bin} (required): {@code cifar-10-batches-bin} from
 *                  {@code cifar-10-binary.tar.gz}
 * @param trainSize number of training images, taken from the start (absent: all of them)
 * @param testSize  number of test images, taken from the start (absent: all of them)
 */
public record CifarParameters(Path folder, Integer trainSize, Integer testSize) implements Parameters {

  @Override
  public void validate(Problems problems) {
    if (folder == null) {
      problems.add("folder", null, "is required: the folder holding the CIFAR-10 binary batches");
    } else if (!Files.isDirectory(folder)) {
      problems.add("folder", folder, "must be an existing folder; check the path");
    } else if (!Files.isReadable(folder)) {
      problems.add("folder", folder, "must be readable; check the folder's permissions");
    } else {
      List<String> missing = CifarDatasetProvider.FILES.stream()
          .filter(name -> !Files.isRegularFile(folder.resolve(name))).toList();
      problems.require(missing.isEmpty(), "folder", folder, "must hold the CIFAR-10 binary batches; missing "
          + String.join(", ", missing) + " (extract cifar-10-binary.tar.gz and name its cifar-10-batches-bin folder)");
    }
    problems.require(trainSize == null || trainSize >= 1 && trainSize <= CifarDatasetProvider.TRAIN_SIZE,
        "trainSize", trainSize, "must be in 1.." + CifarDatasetProvider.TRAIN_SIZE + " or absent (all)");
    problems.require(testSize == null || testSize >= 1 && testSize <= CifarDatasetProvider.TEST_SIZE,
        "testSize", testSize, "must be in 1.." + CifarDatasetProvider.TEST_SIZE + " or absent (all)");
  }
}
