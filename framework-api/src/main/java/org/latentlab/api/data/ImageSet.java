package org.latentlab.api.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.latentlab.api.tensor.HostTensor;

/**
 * Labelled images on the host, values in {@code [0, 1]}, stored NCHW row-major.
 *
 * @param pixels   {@code size * channels * height * width} values
 * @param labels   one class index per image ({@code -1} where unknown)
 * @param channels channels per image
 * @param height   rows per image
 * @param width    columns per image
 * @param factors  ground-truth generative factors by name (e.g. {@code scale}, {@code rotation}), each
 *                 with one value per image, in the order given; empty for data sets that have none.
 *                 Sliced along with the images by {@link #range} and {@link #subset}
 */
public record ImageSet(float[] pixels, int[] labels, int channels, int height, int width,
    Map<String, float[]> factors) {

  /** Checks that the arrays agree with the geometry and every factor has one value per image. */
  public ImageSet {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    factors = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(factors, "factors")));
    factors.forEach((name, values) -> {
      if (values.length != labels.length) {
        throw new IllegalArgumentException("factor " + name + " holds " + values.length + " values, expected one"
            + " per image (" + labels.length + ")");
      }
    });
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image geometry must be positive");
    }
    long per = (long) channels * height * width;
    if (pixels.length != per * labels.length) {
      throw new IllegalArgumentException("pixels hold " + pixels.length + " values, expected "
          + labels.length + " images x " + per);
    }
  }

  /** Labelled images without generative factors. */
  public ImageSet(float[] pixels, int[] labels, int channels, int height, int width) {
    this(pixels, labels, channels, height, width, Map.of());
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** Values per image. */
  public int imageSize() {
    return channels * height * width;
  }

  /** The images at {@code indices} as a {@code [n, c, h, w]} tensor. */
  public HostTensor images(int[] indices) {
    int per = imageSize();
    float[] out = new float[indices.length * per];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * per, out, i * per, per);
    }
    return new HostTensor(out, new int[] {indices.length, channels, height, width});
  }

  /** The labels at {@code indices} as a {@code [n]} float tensor (the form losses take). */
  public HostTensor labelTensor(int[] indices) {
    float[] out = new float[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = labels[indices[i]];
    }
    return new HostTensor(out, new int[] {indices.length});
  }

  /** The images {@code [from, to)} as a new set. */
  public ImageSet range(int from, int to) {
    int per = imageSize();
    float[] p = java.util.Arrays.copyOfRange(pixels, from * per, to * per);
    int[] l = java.util.Arrays.copyOfRange(labels, from, to);
    return new ImageSet(p, l, channels, height, width, slice(values -> java.util.Arrays.copyOfRange(values, from, to)));
  }

  /** The images at {@code indices} as a new set. */
  public ImageSet subset(int[] indices) {
    HostTensor imgs = images(indices);
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      l[i] = labels[indices[i]];
    }
    return new ImageSet(imgs.data(), l, channels, height, width, slice(values -> {
      float[] out = new float[indices.length];
      for (int i = 0; i < indices.length; i++) {
        out[i] = values[indices[i]];
      }
      return out;
    }));
  }

  private Map<String, float[]> slice(UnaryOperator<float[]> cut) {
    Map<String, float[]> out = new LinkedHashMap<>();
    factors.forEach((name, values) -> out.put(name, cut.apply(values)));
    return out;
  }
}
