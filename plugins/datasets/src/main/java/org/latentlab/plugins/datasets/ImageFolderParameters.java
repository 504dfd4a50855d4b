package org.latentlab.plugins.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link ImageFolderDatasetProvider}. Relative paths arrive already resolved by the
 * launcher.
 *
 * @param train    folder of the training split: one sub-folder of PNG or JPEG images per class (required)
 * @param test     folder of the test split, laid out the same way, its classes among the training ones
 *                 (required)
 * @param size     side in pixels every image is resized to (default 28)
 * @param channels 1 (grayscale) or 3 (RGB) (default 1)
 * @param name     display name (default {@code Image folder})
 */
public record ImageFolderParameters(Path train, Path test, Integer size, Integer channels, String name)
    implements Parameters {

  /** The largest {@code size} accepted. */
  public static final int MAX_SIZE = 512;

  /** Fills in defaults for absent fields. */
  public ImageFolderParameters {
    size = size == null ? 28 : size;
    channels = channels == null ? 1 : channels;
    name = name == null ? "Image folder" : name;
  }

  @Override
  public void validate(Problems problems) {
    requireFolder(problems, "train", train);
    requireFolder(problems, "test", test);
    problems.require(size >= 1 && size <= MAX_SIZE, "size", size, "must be in 1.." + MAX_SIZE);
    problems.require(channels == 1 || channels == 3, "channels", channels, "must be 1 (grayscale) or 3 (RGB)");
    problems.require(!name.isBlank(), "name", name, "must not be blank");
  }

  private static void requireFolder(Problems problems, String field, Path path) {
    if (path == null) {
      problems.add(field, null, "is required: a folder with one sub-folder of images per class");
    } else if (!Files.isDirectory(path)) {
      problems.add(field, path, "must be an existing folder; check the path");
    } else {
      problems.require(Files.isReadable(path), field, path, "must be readable; check the folder's permissions");
    }
  }
}
