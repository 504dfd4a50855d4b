package org.latentlab.plugins.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes a PNG or JPEG with {@link ImageIO} and resizes it to a square by area averaging: each output
 * pixel is the mean of the source area it covers, weighted by overlap (enlarging repeats pixels). The
 * aspect ratio is not kept. Transparent pixels are composited onto black; grayscale output is the
 * luma {@code 0.299 R + 0.587 G + 0.114 B}; grayscale sources are read as stored, without
 * {@code getRGB}'s colour-space conversion, and give three equal planes when RGB is asked for. Values
 * are in {@code [0, 1]}.
 */
final class ImageDecoder {

  private static final double[] LUMA = {0.299, 0.587, 0.114};

  private ImageDecoder() {}

  /**
   * Writes the image stored in {@code bytes} as {@code channels x size x size} values into {@code out}
   * from {@code offset}; {@code file} names it in messages.
   */
  static void read(Path file, byte[] bytes, int size, int channels, float[] out, int offset) throws IOException {
    BufferedImage image = decode(file, bytes);
    float[][] rgb = planes(image);
    int w = image.getWidth();
    int h = image.getHeight();
    int plane = size * size;
    if (channels == 3) {
      for (int c = 0; c < 3; c++) {
        System.arraycopy(resize(rgb[rgb.length == 1 ? 0 : c], w, h, size), 0, out, offset + c * plane, plane);
      }
    } else {
      float[] grey = new float[w * h];
      for (int p = 0; p < grey.length; p++) {
        grey[p] = rgb.length == 1 ? rgb[0][p]
            : (float) (LUMA[0] * rgb[0][p] + LUMA[1] * rgb[1][p] + LUMA[2] * rgb[2][p]);
      }
      System.arraycopy(resize(grey, w, h, size), 0, out, offset, plane);
    }
  }

  private static BufferedImage decode(Path file, byte[] bytes) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": corrupt image (" + e.getMessage() + "); expected a valid PNG or JPEG"
          + " (re-save or remove the file)", e);
    }
    if (image == null) {
      throw new IOException(file + ": not a PNG or JPEG image (no decoder recognises its bytes);"
          + " expected a valid PNG or JPEG (re-save or remove the file)");
    }
    return image;
  }

  /** One plane per colour channel (one for grayscale sources, else R, G, B), alpha applied. */
  private static float[][] planes(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    Raster raster = image.getRaster();
    boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && raster.getNumBands() <= 2;
    if (grey) {
      float max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
      float alphaMax = raster.getNumBands() == 2 ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
      float[] plane = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float alpha = raster.getNumBands() == 2 ? raster.getSample(x, y, 1) / alphaMax : 1;
          plane[y * w + x] = raster.getSample(x, y, 0) / max * alpha;
        }
      }
      return new float[][] {plane};
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    float[][] rgb = new float[3][w * h];
    for (int p = 0; p < argb.length; p++) {
      float alpha = (argb[p] >>> 24) / 255f;
      for (int c = 0; c < 3; c++) {
        rgb[c][p] = ((argb[p] >> (16 - 8 * c)) & 0xff) / 255f * alpha;
      }
    }
    return rgb;
  }

  /** Area-averages a {@code w x h} plane to {@code size x size}: rows first, then columns. */
  private static float[] resize(float[] plane, int w, int h, int size) {
    float[] rows = new float[h * size];
    for (int y = 0; y < h; y++) {
      average(plane, y * w, 1, w, rows, y * size, 1, size);
    }
    float[] out = new float[size * size];
    for (int x = 0; x < size; x++) {
      average(rows, x, size, h, out, x, size, size);
    }
    return out;
  }

  /** Resamples {@code n} values (stride {@code step}) into {@code m} by overlap-weighted means. */
  private static void average(float[] in, int from, int step, int n, float[] out, int to, int outStep, int m) {
    for (int j = 0; j < m; j++) {
      double start = (double) j * n / m;
      double end = (double) (j + 1) * n / m;
      double sum = 0;
      for (int i = (int) Math.floor(start); i < Math.min(n, (int) Math.ceil(end)); i++) {
        double overlap = Math.min(end, i + 1) - Math.max(start, i);
        sum += overlap * in[from + i * step];
      }
      out[to + j * outStep] = (float) Math.min(1, Math.max(0, sum / (end - start)));
    }
  }
}
