package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetProviderTest {

  private static final int RED = 0xff0000;
  private static final int GREEN = 0x00ff00;
  private static final int BLUE = 0x0000ff;
  private static final int WHITE = 0xffffff;

  private final ImageFolderDatasetProvider provider = new ImageFolderDatasetProvider();
  @TempDir Path dir;

  /** A {@code 4x4} RGB image whose quadrants are, row by row, {@code quadrants}. */
  private static BufferedImage quadrants(int... quadrants) {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        image.setRGB(x, y, quadrants[(y / 2) * 2 + x / 2]);
      }
    }
    return image;
  }

  private static BufferedImage plain(int rgb) {
    return quadrants(rgb, rgb, rgb, rgb);
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Path put(String path, byte[] bytes) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path png(String path, BufferedImage image) {
    return put(path, encode(image, "png"));
  }

  private ImageFolderParameters parameters(Integer size, Integer channels) {
    return new ImageFolderParameters(dir.resolve("train"), dir.resolve("test"), size, channels, null);
  }

  private void twoClasses() {
    png("train/dog/a.png", plain(WHITE));
    png("train/dog/b.PNG", plain(RED));
    png("train/cat/c.png", plain(GREEN));
    png("test/dog/d.png", plain(BLUE));
  }

  @Test
  void labelsAreSubFoldersSortedByName() throws IOException {
    twoClasses();
    Dataset data = provider.load(parameters(2, 1));
    assertThat(data.name()).isEqualTo("Image folder");
    assertThat(data.classNames()).containsExactly("cat", "dog");
    assertThat(data.train().labels()).containsExactly(0, 1, 1);
    assertThat(data.test().labels()).containsExactly(1);
  }

  @Test
  void grayscaleIsTheLuma() throws IOException {
    twoClasses();
    Dataset data = provider.load(parameters(2, 1));
    assertThat(data.shape().channels()).isEqualTo(1);
    // train: cat/c (green), dog/a (white), dog/b (red); each 2x2
    assertThat(data.train().pixels()[0]).isCloseTo(0.587f, within(1e-6f));
    assertThat(data.train().pixels()[4]).isCloseTo(1f, within(1e-6f));
    assertThat(data.train().pixels()[8]).isCloseTo(0.299f, within(1e-6f));
    assertThat(data.test().pixels()[0]).isCloseTo(0.114f, within(1e-6f));
  }

  @Test
  void threeChannelsAreTheRgbPlanes() throws IOException {
    png("train/x/a.png", quadrants(RED, GREEN, BLUE, WHITE));
    png("test/x/b.png", plain(0));
    Dataset data = provider.load(parameters(2, 3));
    assertThat(data.shape().channels()).isEqualTo(3);
    assertThat(data.train().pixels()).containsExactly(
        1, 0, 0, 1, // red plane
        0, 1, 0, 1, // green plane
        0, 0, 1, 1); // blue plane
  }

  @Test
  void shrinkingAveragesTheCoveredArea() throws IOException {
    png("train/x/a.png", quadrants(WHITE, 0, 0, 0));
    png("test/x/b.png", quadrants(WHITE, WHITE, 0, WHITE));
    Dataset data = provider.load(parameters(1, 1));
    assertThat(data.train().pixels()[0]).isCloseTo(0.25f, within(1e-6f));
    assertThat(data.test().pixels()[0]).isCloseTo(0.75f, within(1e-6f));
  }

  @Test
  void resizingToAnUnevenSideWeighsByOverlap() throws IOException {
    png("train/x/a.png", quadrants(WHITE, 0, WHITE, 0));
    png("test/x/b.png", plain(0));
    Dataset data = provider.load(parameters(3, 1));
    // columns 0..4 into 3: the middle output column covers source columns 1.33..2.67, half white
    assertThat(data.train().pixels()).containsExactly(new float[] {1, 0.5f, 0, 1, 0.5f, 0, 1, 0.5f, 0}, within(1e-6f));
  }

  @Test
  void enlargingRepeatsPixels() throws IOException {
    png("train/x/a.png", quadrants(WHITE, 0, 0, WHITE));
    png("test/x/b.png", plain(0));
    float[] pixels = provider.load(parameters(8, 1)).train().pixels();
    assertThat(pixels[0]).isEqualTo(1f);
    assertThat(pixels[7]).isEqualTo(0f);
    assertThat(pixels[63]).isEqualTo(1f);
  }

  @Test
  void grayscaleSourcesAreReadAsStored() throws IOException {
    BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 128);
    png("train/x/a.png", grey);
    png("test/x/b.png", plain(0));
    assertThat(provider.load(parameters(2, 1)).train().pixels()).containsExactly(128 / 255f, 0, 0, 0);
  }

  @Test
  void grayscaleSourcesGiveThreeEqualPlanes() throws IOException {
    BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 51);
    png("train/x/a.png", grey);
    png("test/x/b.png", plain(0));
    assertThat(provider.load(parameters(1, 3)).train().pixels()).containsExactly(0.2f, 0.2f, 0.2f);
  }

  @Test
  void transparentPixelsBecomeBlack() throws IOException {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x00ffffff);
    image.setRGB(1, 0, 0xffffffff);
    png("train/x/a.png", image);
    png("test/x/b.png", plain(0));
    float[] pixels = provider.load(parameters(2, 1)).train().pixels();
    assertThat(pixels).containsExactly(0, 1, 0, 1);
  }

  @Test
  void jpegIsReadToo() throws IOException {
    put("train/x/a.jpg", encode(plain(WHITE), "jpg"));
    put("test/x/b.JPEG", encode(plain(0), "jpg"));
    Dataset data = provider.load(parameters(2, 1));
    assertThat(data.train().pixels()[0]).isCloseTo(1f, within(0.02f));
    assertThat(data.test().pixels()[0]).isCloseTo(0f, within(0.02f));
  }

  @Test
  void hiddenAndOtherFilesAreSkipped() throws IOException {
    twoClasses();
    put("train/README.txt", new byte[] {'h', 'i'});
    put("train/.DS_Store", new byte[] {0});
    put("train/dog/notes.txt", new byte[] {'x'});
    put("train/.hidden/e.png", new byte[] {0});
    assertThat(provider.load(parameters(2, 1)).train().labels()).containsExactly(0, 1, 1);
  }

  @Test
  void sourcesAreTheFoldersWithHashAndSize() throws IOException {
    twoClasses();
    Dataset data = provider.load(parameters(2, 1));
    assertThat(data.sources()).extracting(DataSource::location)
        .containsExactly(dir.resolve("train").toString(), dir.resolve("test").toString());
    long trainBytes = Files.size(dir.resolve("train/dog/a.png")) + Files.size(dir.resolve("train/dog/b.PNG"))
        + Files.size(dir.resolve("train/cat/c.png"));
    assertThat(data.sources().get(0).bytes()).isEqualTo(trainBytes);
    String before = data.sources().get(0).sha256();
    png("train/dog/a.png", plain(GREEN));
    assertThat(provider.load(parameters(2, 1)).sources().get(0).sha256()).isNotEqualTo(before);
  }

  @Test
  void corruptImageIsNamed() {
    twoClasses();
    Path file = put("train/dog/a.png", "not an image at all".getBytes());
    assertThatThrownBy(() -> provider.load(parameters(2, 1)))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": not a PNG or JPEG image (no decoder recognises its bytes);"
            + " expected a valid PNG or JPEG (re-save or remove the file)");
  }

  @Test
  void truncatedImageIsNamed() {
    twoClasses();
    byte[] whole = encode(plain(RED), "png");
    Path file = put("test/dog/d.png", Arrays.copyOf(whole, 40));
    assertThatThrownBy(() -> provider.load(parameters(2, 1)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": corrupt image (")
        .hasMessageEndingWith("); expected a valid PNG or JPEG (re-save or remove the file)");
  }

  @Test
  void imageInTheRootIsRefused() {
    twoClasses();
    Path file = png("train/stray.png", plain(RED));
    assertThatThrownBy(() -> provider.load(parameters(2, 1)))
        .hasMessage(file + ": image in the root of the folder; expected images in one sub-folder per class, e.g. "
            + dir.resolve("train/<class>/stray.png"));
  }

  @Test
  void emptyClassFolderIsRefused() throws IOException {
    twoClasses();
    Path empty = Files.createDirectories(dir.resolve("train/emu"));
    assertThatThrownBy(() -> provider.load(parameters(2, 1)))
        .hasMessage(empty + ": no PNG or JPEG images; expected at least one image in each class folder"
            + " (add images or remove the folder)");
  }

  @Test
  void folderWithoutSubFoldersIsRefused() throws IOException {
    twoClasses();
    Path test = dir.resolve("test");
    Files.delete(test.resolve("dog/d.png"));
    Files.delete(test.resolve("dog"));
    assertThatThrownBy(() -> provider.load(parameters(2, 1)))
        .hasMessage(test + ": no class sub-folders; expected one sub-folder of PNG or JPEG images per class,"
            + " named after the class");
  }

  @Test
  void testClassUnknownToTrainingIsRefused() {
    twoClasses();
    png("test/emu/e.png", plain(RED));
    assertThatThrownBy(() -> provider.load(parameters(2, 1)))
        .hasMessage(dir.resolve("test/emu") + ": class 'emu' is not among the training classes [cat, dog];"
            + " expected the test split's class folders to be named as the training split's");
  }

  @Test
  void defaultsAreTwentyEightPixelsGrayscale() {
    ImageFolderParameters p = new ImageFolderParameters(dir, dir, null, null, null);
    assertThat(p.size()).isEqualTo(28);
    assertThat(p.channels()).isEqualTo(1);
    Problems problems = new Problems();
    p.validate(problems);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void invalidParametersAreProblemsNamingTheField() {
    Path missing = dir.resolve("nope");
    Problems problems = new Problems();
    new ImageFolderParameters(null, missing, 0, 2, " ").validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "train is required: a folder with one sub-folder of images per class (was null)",
        "test must be an existing folder; check the path (was " + missing + ")",
        "size must be in 1..512 (was 0)",
        "channels must be 1 (grayscale) or 3 (RGB) (was 2)",
        "name must not be blank (was  )");
  }

  @Test
  void loadRefusesInvalidParameters() {
    assertThatThrownBy(() -> provider.load(new ImageFolderParameters(dir, dir, null, 4, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image-folder parameters: channels must be 1 (grayscale) or 3 (RGB) (was 4)");
  }
}
