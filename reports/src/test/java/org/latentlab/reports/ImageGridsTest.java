package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.tensor.HostTensor;

class ImageGridsTest {

  /** Four 2x2 gray images; image i, pixel (y, x) has value (4i + 2y + x) / 15. */
  static ImageGrid grayGrid() {
    float[] data = new float[16];
    for (int i = 0; i < data.length; i++) {
      data[i] = i / 15f;
    }
    return new ImageGrid("gray", "Gray", new HostTensor(data, new int[] {4, 1, 2, 2}), 2, "test");
  }

  @Test
  void rendersGrayGridWithSeparatorsAndScaling() {
    BufferedImage image = ImageGrids.render(grayGrid());
    int scale = ImageGrids.scaleFor(2, 2);
    int gap = ImageGrids.GAP;
    int cell = 2 * scale;
    assertThat(scale).isEqualTo(8);
    assertThat(gap).isEqualTo(1);
    assertThat(image.getWidth()).isEqualTo(2 * cell + 3 * gap).isEqualTo(35);
    assertThat(image.getHeight()).isEqualTo(35);

    for (int i = 0; i < 4; i++) {
      int x0 = gap + (i % 2) * (cell + gap);
      int y0 = gap + (i / 2) * (cell + gap);
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 2; x++) {
          int expected = Math.round((4 * i + 2 * y + x) / 15f * 255f);
          int rgb = image.getRGB(x0 + x * scale + scale / 2, y0 + y * scale + scale - 1) & 0xffffff;
          assertThat(rgb).as("image %d pixel (%d,%d)", i, y, x)
              .isEqualTo(expected << 16 | expected << 8 | expected);
        }
      }
    }
    assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(ImageGrids.BACKGROUND);
    assertThat(image.getRGB(gap + cell, gap) & 0xffffff).isEqualTo(ImageGrids.BACKGROUND);
    assertThat(image.getRGB(34, 34) & 0xffffff).isEqualTo(ImageGrids.BACKGROUND);
  }

  @Test
  void explicitScaleOneGivesTheRawPixels() {
    BufferedImage image = ImageGrids.render(grayGrid(), 1);
    assertThat(image.getWidth()).isEqualTo(2 * 2 + 3);
    assertThat(image.getHeight()).isEqualTo(2 * 2 + 3);
    // image 3 (bottom right), pixel (1, 1): value 15 / 15
    assertThat(image.getRGB(1 + 2 + 1 + 1, 1 + 2 + 1 + 1) & 0xffffff).isEqualTo(0xffffff);
    // image 1 (top right), pixel (0, 0): value 4 / 15
    int level = Math.round(4 / 15f * 255f);
    assertThat(image.getRGB(4, 1) & 0xffffff).isEqualTo(level << 16 | level << 8 | level);
    assertThat(image.getRGB(3, 1) & 0xffffff).isEqualTo(ImageGrids.BACKGROUND);
    assertThatThrownBy(() -> ImageGrids.render(grayGrid(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale must be >= 1 (was 0)");
  }

  @Test
  void rendersRgbChannelsAndScalesMnistSizedImagesByTwo() {
    float[] data = new float[3 * 28 * 28];
    java.util.Arrays.fill(data, 0, 28 * 28, 1f); // red plane
    ImageGrid grid = new ImageGrid("rgb", "RGB", new HostTensor(data, new int[] {1, 3, 28, 28}), 4, "");
    BufferedImage image = ImageGrids.render(grid);
    assertThat(ImageGrids.scaleFor(28, 28)).isEqualTo(2);
    assertThat(image.getWidth()).isEqualTo(56 + 2 * ImageGrids.GAP);
    assertThat(image.getRGB(ImageGrids.GAP + 5, ImageGrids.GAP + 5) & 0xffffff).isEqualTo(0xff0000);
  }

  @Test
  void leavesEmptyCellsAsBackgroundAndClampsValues() {
    float[] data = {-1f, 2f, Float.NaN, 0.5f, 1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f};
    ImageGrid grid = new ImageGrid("odd", "Odd", new HostTensor(data, new int[] {3, 1, 2, 2}), 2, "");
    BufferedImage image = ImageGrids.render(grid);
    int scale = ImageGrids.scaleFor(2, 2);
    int g = ImageGrids.GAP;
    assertThat(image.getRGB(g, g) & 0xff).isZero();
    assertThat(image.getRGB(g + scale, g) & 0xff).isEqualTo(255);
    assertThat(image.getRGB(g, g + scale) & 0xff).isZero();
    int emptyX = g + 2 * scale + g + 1;
    int emptyY = g + 2 * scale + g + 1;
    assertThat(image.getRGB(emptyX, emptyY) & 0xffffff).isEqualTo(ImageGrids.BACKGROUND);
  }

  @Test
  void writesPngAtomicallyCreatingFolders(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a/b/gray.png");
    ImageGrids.writePng(grayGrid(), file);
    BufferedImage read = ImageIO.read(file.toFile());
    assertThat(read.getWidth()).isEqualTo(35);
    assertThat(read.getRGB(ImageGrids.GAP, ImageGrids.GAP) & 0xff).isZero();
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("gray.png");
    }
  }

  @Test
  void rejectsEmptyImages() {
    ImageGrid grid = new ImageGrid("e", "E", new HostTensor(new float[0], new int[] {1, 1, 0, 2}), 1, "");
    assertThatThrownBy(() -> ImageGrids.render(grid)).isInstanceOf(IllegalArgumentException.class);
  }
}
