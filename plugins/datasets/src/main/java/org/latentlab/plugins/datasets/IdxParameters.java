package org.latentlab.plugins.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link IdxDatasetProvider}: the four IDX files of a data set the user brings, gzip
 * or raw. Relative paths arrive already resolved by the launcher.
 *
 * @param trainImages training images (required)
 * @param trainLabels training labels (required)
 * @param testImages  test images (required)
 * @param testLabels  test labels (required)
 * @param classNames  one name per class index; absent or empty: "0".."9", or "0".."max label" when a
 *                    label exceeds 9
 * @param name        display name (default {@code IDX})
 */
public record IdxParameters(Path trainImages, Path trainLabels, Path testImages, Path testLabels,
    List<String> classNames, String name) implements Parameters {

  /** Fills in defaults for absent fields. */
  public IdxParameters {
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    name = name == null ? "IDX" : name;
  }

  @Override
  public void validate(Problems problems) {
    requireFile(problems, "trainImages", trainImages);
    requireFile(problems, "trainLabels", trainLabels);
    requireFile(problems, "testImages", testImages);
    requireFile(problems, "testLabels", testLabels);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < classNames.size(); i++) {
      String className = classNames.get(i);
      problems.require(!className.isBlank(), "classNames[" + i + "]", className, "must not be blank");
      problems.require(seen.add(className), "classNames[" + i + "]", className, "must differ from the other class names");
    }
    problems.require(!name.isBlank(), "name", name, "must not be blank");
  }

  private static void requireFile(Problems problems, String field, Path path) {
    if (path == null) {
      problems.add(field, null, "is required: the path of an IDX file");
    } else if (!Files.isRegularFile(path)) {
      problems.add(field, path, "must be an existing IDX file; check the path");
    } else {
      problems.require(Files.isReadable(path), field, path, "must be readable; check the file's permissions");
    }
  }
}
