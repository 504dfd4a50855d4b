package org.latentlab.plugins.datasets;

import java.io.IOException;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.ImageSet;

/**
 * The images of one IDX image file, one channel, values in {@code [0, 1]}.
 *
 * @param pixels {@code count * rows * cols} values, row-major
 * @param count  number of images
 * @param rows   rows per image
 * @param cols   columns per image
 * @param source where they were read from
 */
public record IdxImages(float[] pixels, int count, int rows, int cols, DataSource source) {

  /**
   * Pairs these images with their labels.
   *
   * @throws IOException naming both files when they hold different numbers of items
   */
  public ImageSet withLabels(IdxLabels labels) throws IOException {
    if (labels.labels().length != count) {
      throw new IOException(source.location() + " holds " + count + " images but "
          + labels.source().location() + " holds " + labels.labels().length
          + " labels; expected one label per image (are the two files from the same split?)");
    }
    return new ImageSet(pixels, labels.labels(), 1, rows, cols);
  }

  /** {@code rows x cols}, for messages. */
  String geometry() {
    return rows + "x" + cols;
  }
}
