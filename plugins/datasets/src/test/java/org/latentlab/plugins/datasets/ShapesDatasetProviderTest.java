package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeSet;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShapesDatasetProviderTest {

  private static final ShapesDatasetProvider PROVIDER = new ShapesDatasetProvider();
  private static Dataset defaults;

  @BeforeAll
  static void load() {
    defaults = PROVIDER.load(new ShapesParameters(null, null, null, null));
  }

  private static Dataset load(long seed, int train, int test, int size) {
    return PROVIDER.load(new ShapesParameters(seed, train, test, size));
  }

  @Test
  void defaultsAreEightThousandAndTwoThousandImagesOfTwentyEightPixels() {
    assertThat(defaults.name()).isEqualTo("Shapes");
    assertThat(defaults.train().size()).isEqualTo(8000);
    assertThat(defaults.test().size()).isEqualTo(2000);
    assertThat(defaults.shape().channels()).isEqualTo(1);
    assertThat(defaults.shape().height()).isEqualTo(28);
    assertThat(defaults.shape().width()).isEqualTo(28);
    assertThat(defaults.classNames()).containsExactly("square", "ellipse", "heart");
  }

  @Test
  void sameSeedGivesTheSameImagesAndFactors() {
    Dataset a = load(7, 50, 20, 28);
    Dataset b = load(7, 50, 20, 28);
    assertThat(b.train().pixels()).isEqualTo(a.train().pixels());
    assertThat(b.test().pixels()).isEqualTo(a.test().pixels());
    assertThat(b.train().labels()).isEqualTo(a.train().labels());
    for (String factor : ShapesDatasetProvider.FACTORS) {
      assertThat(b.train().factors().get(factor)).isEqualTo(a.train().factors().get(factor));
    }
    assertThat(b.sources()).isEqualTo(a.sources());
  }

  @Test
  void anotherSeedGivesOtherImages() {
    Dataset a = load(7, 50, 20, 28);
    Dataset b = load(8, 50, 20, 28);
    assertThat(b.train().pixels()).isNotEqualTo(a.train().pixels());
    assertThat(b.test().pixels()).isNotEqualTo(a.test().pixels());
    assertThat(b.sources().get(0).sha256()).isNotEqualTo(a.sources().get(0).sha256());
  }

  @Test
  void testImagesDifferFromTrainingImagesAndKeepWhenTheTrainingSizeChanges() {
    Dataset small = load(3, 10, 20, 28);
    Dataset large = load(3, 40, 20, 28);
    assertThat(small.test().pixels()).isEqualTo(large.test().pixels());
    assertThat(large.train().range(0, 10).pixels()).isEqualTo(small.train().pixels());
    assertThat(small.test().range(0, 10).pixels()).isNotEqualTo(small.train().pixels());
  }

  @Test
  void factorsAreNamedInOrderAndTheShapeIsTheLabel() {
    ImageSet train = defaults.train();
    assertThat(train.factors().keySet()).containsExactly("shape", "scale", "rotation", "x", "y");
    for (int i = 0; i < train.size(); i++) {
      assertThat(train.factors().get("shape")[i]).isEqualTo((float) train.labels()[i]);
    }
  }

  @Test
  void shapeCoversItsThreeClasses() {
    assertThat(distinct(defaults.train(), "shape")).containsExactly(0f, 1f, 2f);
  }

  @Test
  void scaleCoversSixStepsFromHalfToOne() {
    assertThat(distinct(defaults.train(), "scale")).containsExactly(0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1f);
  }

  @Test
  void rotationCoversFortyStepsOfAFullTurn() {
    TreeSet<Float> rotations = distinct(defaults.train(), "rotation");
    assertThat(rotations).hasSize(40);
    assertThat(rotations.first()).isEqualTo(0f);
    assertThat(rotations.last()).isEqualTo((float) (2 * Math.PI * 39 / 40));
  }

  @Test
  void positionsCoverThirtyTwoStepsOfTheUnitRange() {
    for (String axis : new String[] {"x", "y"}) {
      TreeSet<Float> positions = distinct(defaults.train(), axis);
      assertThat(positions).hasSize(32);
      assertThat(positions.first()).isEqualTo(0f);
      assertThat(positions.last()).isEqualTo(1f);
    }
  }

  @Test
  void pixelsAreInTheUnitRangeAndUseIt() {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : defaults.test().pixels()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(1f);
  }

  @Test
  void symmetricShapesAreCentredOnTheirPosition() {
    for (int size : new int[] {28, 64}) {
      ImageSet images = load(11, 200, 1, size).train();
      Map<String, float[]> f = images.factors();
      for (int i = 0; i < images.size(); i++) {
        if (images.labels()[i] == 2) {
          continue; // a heart's centre of mass is not its centre
        }
        double[] centre = ShapeRenderer.centre(size, f.get("x")[i], f.get("y")[i]);
        double[] mass = centreOfMass(images, i);
        assertThat(mass[0]).as("image %d column", i).isCloseTo(centre[0], within(0.2));
        assertThat(mass[1]).as("image %d row", i).isCloseTo(centre[1], within(0.2));
      }
    }
  }

  @Test
  void areaGrowsWithTheSquareOfTheScale() {
    ImageSet images = load(5, 3000, 1, 64).train();
    double[] ink = new double[2];
    int[] count = new int[2];
    for (int i = 0; i < images.size(); i++) {
      float scale = images.factors().get("scale")[i];
      int which = scale == 0.5f ? 0 : scale == 1f ? 1 : -1;
      if (which >= 0) {
        ink[which] += sum(images, i);
        count[which]++;
      }
    }
    assertThat((ink[1] / count[1]) / (ink[0] / count[0])).isCloseTo(4, within(0.2));
  }

  @Test
  void shapesStayInsideTheImage() {
    ImageSet images = load(13, 500, 1, 28).train();
    for (int i = 0; i < images.size(); i++) {
      for (int k = 0; k < 28; k++) {
        assertThat(pixel(images, i, 0, k) + pixel(images, i, 27, k) + pixel(images, i, k, 0) + pixel(images, i, k, 27))
            .as("border of image %d", i).isZero();
      }
    }
  }

  @Test
  void sixtyFourPixelImagesOnRequest() {
    Dataset big = load(0, 3, 2, 64);
    assertThat(big.shape().height()).isEqualTo(64);
    assertThat(big.train().pixels()).hasSize(3 * 64 * 64);
  }

  @Test
  void slicesKeepTheirFactors() {
    ImageSet train = load(1, 10, 1, 28).train();
    ImageSet slice = train.range(2, 5);
    ImageSet picked = train.subset(new int[] {7, 2});
    for (String factor : ShapesDatasetProvider.FACTORS) {
      float[] all = train.factors().get(factor);
      assertThat(slice.factors().get(factor)).containsExactly(all[2], all[3], all[4]);
      assertThat(picked.factors().get(factor)).containsExactly(all[7], all[2]);
    }
  }

  @Test
  void sourceDescribesTheGeneration() {
    assertThat(defaults.sources()).hasSize(1);
    assertThat(defaults.sources().get(0).location())
        .isEqualTo("generated:shapes?seed=0&size=28&trainSize=8000&testSize=2000");
    assertThat(defaults.sources().get(0).bytes()).isEqualTo(10_000L * 28 * 28 * 4);
  }

  @Test
  void invalidParametersAreProblemsNamingTheField() {
    Problems problems = new Problems();
    new ShapesParameters(1L, 0, 100_001, 32).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "trainSize must be in 1..100000 (was 0)",
        "testSize must be in 1..100000 (was 100001)",
        "size must be 28 or 64 (was 32)");
  }

  @Test
  void loadRefusesInvalidParameters() {
    assertThatThrownBy(() -> PROVIDER.load(new ShapesParameters(null, null, null, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shapes parameters: size must be 28 or 64 (was 30)");
  }

  private static TreeSet<Float> distinct(ImageSet images, String factor) {
    TreeSet<Float> values = new TreeSet<>();
    for (float v : images.factors().get(factor)) {
      values.add(v);
    }
    return values;
  }

  private static float pixel(ImageSet images, int image, int row, int col) {
    return images.pixels()[image * images.imageSize() + row * images.width() + col];
  }

  private static double sum(ImageSet images, int image) {
    double total = 0;
    for (int p = 0; p < images.imageSize(); p++) {
      total += images.pixels()[image * images.imageSize() + p];
    }
    return total;
  }

  /** {@code {column, row}} of the ink's centre of mass, in pixel coordinates (pixel centres at +0.5). */
  private static double[] centreOfMass(ImageSet images, int image) {
    double total = 0;
    double cx = 0;
    double cy = 0;
    for (int row = 0; row < images.height(); row++) {
      for (int col = 0; col < images.width(); col++) {
        float v = pixel(images, image, row, col);
        total += v;
        cx += v * (col + 0.5);
        cy += v * (row + 0.5);
      }
    }
    return new double[] {cx / total, cy / total};
  }
}
