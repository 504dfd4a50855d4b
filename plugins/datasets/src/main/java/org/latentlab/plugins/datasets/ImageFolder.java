package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The layout of one split's folder: a sub-folder per class, named after it, holding PNG or JPEG files
 * (by extension: {@code .png}, {@code .jpg}, {@code .jpeg}, any case). Entries are taken in name order;
 * hidden entries (name starting with a dot), other files and deeper folders are skipped.
 *
 * @param root    the folder
 * @param classes class names: the sub-folders, sorted
 * @param files   every image, class by class
 * @param labels  the class index of each image
 */
record ImageFolder(Path root, List<String> classes, List<Path> files, List<Integer> labels) {

  /**
   * Lists {@code root}, refusing images in the root itself, a root without sub-folders and an empty
   * class folder, each naming the path and the fix.
   */
  static ImageFolder scan(Path root) throws IOException {
    List<String> classes = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path entry : list(root)) {
      if (Files.isDirectory(entry)) {
        List<Path> images = list(entry).stream().filter(ImageFolder::isImage).toList();
        if (images.isEmpty()) {
          throw new IOException(entry + ": no PNG or JPEG images; expected at least one image in each class"
              + " folder (add images or remove the folder)");
        }
        images.forEach(image -> labels.add(classes.size()));
        classes.add(entry.getFileName().toString());
        files.addAll(images);
      } else if (isImage(entry)) {
        throw new IOException(entry + ": image in the root of the folder; expected images in one sub-folder"
            + " per class, e.g. " + root.resolve("<class>").resolve(entry.getFileName()));
      }
    }
    if (classes.isEmpty()) {
      throw new IOException(root + ": no class sub-folders; expected one sub-folder of PNG or JPEG images"
          + " per class, named after the class");
    }
    return new ImageFolder(root, List.copyOf(classes), List.copyOf(files), List.copyOf(labels));
  }

  /** This split's labels re-indexed into {@code classes}, a superset of its own. */
  int[] labelsIn(List<String> allClasses) throws IOException {
    int[] out = new int[labels.size()];
    for (int i = 0; i < out.length; i++) {
      String name = classes.get(labels.get(i));
      out[i] = allClasses.indexOf(name);
      if (out[i] < 0) {
        throw new IOException(root.resolve(name) + ": class '" + name + "' is not among the training classes "
            + allClasses + "; expected the test split's class folders to be named as the training split's");
      }
    }
    return out;
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static boolean isImage(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(path) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
  }
}
