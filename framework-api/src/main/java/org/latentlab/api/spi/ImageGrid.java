package org.latentlab.api.spi;

import org.latentlab.api.tensor.HostTensor;

/**
 * Images to show as a grid in the report.
 *
 * @param name    file-safe name, e.g. {@code reconstructions}
 * @param title   caption heading
 * @param images  {@code [n, c, h, w]} values in [0, 1], laid out row-major
 * @param columns images per grid row
 * @param caption what the grid shows
 */
public record ImageGrid(String name, String title, HostTensor images, int columns, String caption) {
  /** Checks the layout. */
  public ImageGrid {
    if (images.shape().length != 4) {
      throw new IllegalArgumentException("image grid '" + name + "' needs [n, c, h, w] images");
    }
    if (columns <= 0) {
      throw new IllegalArgumentException("image grid '" + name + "' needs columns > 0");
    }
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("image grid name must be kebab-case (was '" + name + "')");
    }
  }
}
