package org.latentlab.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.latentlab.api.spi.ImageGrid;

/**
 * Draws an {@link ImageGrid} as one picture: {@code columns} images per row, separated by {@link #GAP}
 * pixel of {@link #BACKGROUND}, each image scaled up by a whole factor (nearest neighbour) so small
 * images stay readable. One channel is drawn as gray, three (or more) as RGB from the first three
 * channels; values are clamped to [0, 1].
 */
public final class ImageGrids {

  /** Pixels between images and around the border. */
  static final int GAP = 1;
  /** Colour (RGB) of the separators and of empty cells. */
  static final int BACKGROUND = 0x808080;
  /** Images are scaled up by whole factors until their longer side reaches about this many pixels. */
  static final int TARGET_SIDE = 64;
  /** The largest scale factor. */
  static final int MAX_SCALE = 8;

  private ImageGrids() {}

  /**
   * Renders the grid with the automatic scale ({@link #scaleFor}) and writes it as PNG to {@code file},
   * atomically, creating parent folders.
   */
  public static void writePng(ImageGrid grid, Path file) throws IOException {
    AtomicFiles.write(file, png(render(grid)));
  }

  /**
   * Renders the grid with each pixel drawn as {@code scale x scale} pixels and writes it as PNG to
   * {@code file}, atomically, creating parent folders.
   */
  public static void writePng(ImageGrid grid, Path file, int scale) throws IOException {
    AtomicFiles.write(file, png(render(grid, scale)));
  }

  /** Renders the grid as an RGB image with the automatic scale ({@link #scaleFor}). */
  public static BufferedImage render(ImageGrid grid) {
    int[] shape = grid.images().shape();
    return render(grid, scaleFor(shape[2], shape[3]));
  }

  /** Renders the grid as an RGB image with each pixel drawn as {@code scale x scale} pixels. */
  public static BufferedImage render(ImageGrid grid, int scale) {
    int[] shape = grid.images().shape();
    int n = shape[0];
    int c = shape[1];
    int h = shape[2];
    int w = shape[3];
    if (c <= 0 || h <= 0 || w <= 0) {
      throw new IllegalArgumentException("image grid '" + grid.name() + "' has empty images (shape "
          + Arrays.toString(shape) + ")");
    }
    if (scale < 1) {
      throw new IllegalArgumentException("image grid '" + grid.name() + "': scale must be >= 1 (was " + scale + ")");
    }
    int cols = Math.max(1, Math.min(grid.columns(), n));
    int rows = Math.max(1, (n + cols - 1) / cols);
    int cellW = w * scale;
    int cellH = h * scale;
    BufferedImage out = new BufferedImage(
        cols * cellW + (cols + 1) * GAP, rows * cellH + (rows + 1) * GAP, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, BACKGROUND);
      }
    }
    float[] data = grid.images().data();
    int plane = h * w;
    for (int i = 0; i < n; i++) {
      int x0 = GAP + (i % cols) * (cellW + GAP);
      int y0 = GAP + (i / cols) * (cellH + GAP);
      int base = i * c * plane;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int p = base + y * w + x;
          int rgb;
          if (c >= 3) {
            rgb = (level(data[p]) << 16) | (level(data[p + plane]) << 8) | level(data[p + 2 * plane]);
          } else {
            int g = level(data[p]);
            rgb = (g << 16) | (g << 8) | g;
          }
          fill(out, x0 + x * scale, y0 + y * scale, scale, rgb);
        }
      }
    }
    return out;
  }

  /**
   * The automatic whole-number scale factor for images of {@code h x w} pixels: the largest that keeps
   * the longer side at most {@link #TARGET_SIDE} pixels, between 1 and {@link #MAX_SCALE} (28 x 28 gives 2).
   */
  public static int scaleFor(int h, int w) {
    return Math.max(1, Math.min(MAX_SCALE, TARGET_SIDE / Math.max(1, Math.max(h, w))));
  }

  /** A value in [0, 1] as an 8-bit level; out-of-range values are clamped, NaN is black. */
  static int level(float v) {
    if (!(v > 0f)) {
      return 0;
    }
    return v >= 1f ? 255 : Math.round(v * 255f);
  }

  /** Encodes an image as PNG bytes. */
  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", bytes)) {
      throw new IOException("no PNG writer available");
    }
    return bytes.toByteArray();
  }

  private static void fill(BufferedImage out, int x0, int y0, int scale, int rgb) {
    for (int dy = 0; dy < scale; dy++) {
      for (int dx = 0; dx < scale; dx++) {
        out.setRGB(x0 + dx, y0 + dy, rgb);
      }
    }
  }
}
