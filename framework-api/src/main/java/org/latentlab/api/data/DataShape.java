package org.latentlab.api.data;

/**
 * The geometry of a data set's images, and its number of classes: what a model needs to size itself.
 */
public record DataShape(int channels, int height, int width, int numClasses) {
  /** Values per image. */
  public int imageSize() {
    return channels * height * width;
  }
}
