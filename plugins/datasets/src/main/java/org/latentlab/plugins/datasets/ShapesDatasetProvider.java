package org.latentlab.plugins.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.DatasetProvider;

/**
 * A procedural data set in the manner of dSprites (Matthey et al., 2017, "dSprites: Disentanglement
 * testing Sprites dataset"): one white square, ellipse or heart on a black background, single channel,
 * drawn by {@link ShapeRenderer}. Each image draws its five factors independently and uniformly from
 * dSprites' grids: {@code shape} in {0, 1, 2}, {@code scale} in 0.5, 0.6, .., 1.0, {@code rotation} in
 * {@code k * 2 pi / 40} for {@code k = 0..39}, and {@code x}, {@code y} in {@code k / 31} for
 * {@code k = 0..31}. The label is the shape; every factor is in {@link ImageSet#factors()}.
 *
 * <p>Training images come from {@code new java.util.Random(seed)}, test images from a second stream
 * seeded from it, so a seed gives the same images on every JDK and platform, and changing one split's
 * size leaves the other's first images unchanged.
 */
public final class ShapesDatasetProvider implements DatasetProvider<ShapesParameters> {

  /** Names of the factors in {@link ImageSet#factors()}, in order. */
  public static final List<String> FACTORS = List.of("shape", "scale", "rotation", "x", "y");

  private static final int SCALES = 6;
  private static final int ROTATIONS = 40;
  private static final int POSITIONS = 32;
  private static final long TEST_STREAM = 0x7e57_5eedL;

  @Override
  public String id() {
    return "shapes";
  }

  @Override
  public String description() {
    return "Generated dSprites-like shapes (square, ellipse, heart) with known scale, rotation and position";
  }

  @Override
  public Class<ShapesParameters> parametersType() {
    return ShapesParameters.class;
  }

  @Override
  public Dataset load(ShapesParameters parameters) {
    Validation.requireValid(id(), parameters);
    int side = parameters.size();
    ImageSet train = generate(new Random(parameters.seed()), parameters.trainSize(), side);
    ImageSet test = generate(new Random(parameters.seed() ^ TEST_STREAM), parameters.testSize(), side);
    String location = "generated:shapes?seed=" + parameters.seed() + "&size=" + side
        + "&trainSize=" + parameters.trainSize() + "&testSize=" + parameters.testSize();
    return new Dataset("Shapes", train, test, List.of(ShapeRenderer.SHAPES),
        List.of(GeneratedSource.of(location, train, test)));
  }

  private static ImageSet generate(Random random, int count, int side) {
    float[] pixels = new float[count * side * side];
    int[] labels = new int[count];
    float[][] factors = new float[FACTORS.size()][count];
    for (int i = 0; i < count; i++) {
      int shape = random.nextInt(ShapeRenderer.SHAPES.length);
      double scale = 0.5 + 0.1 * random.nextInt(SCALES);
      double rotation = 2 * Math.PI * random.nextInt(ROTATIONS) / ROTATIONS;
      double x = random.nextInt(POSITIONS) / (double) (POSITIONS - 1);
      double y = random.nextInt(POSITIONS) / (double) (POSITIONS - 1);
      ShapeRenderer.draw(pixels, i * side * side, side, shape, scale, rotation, x, y);
      labels[i] = shape;
      double[] values = {shape, scale, rotation, x, y};
      for (int f = 0; f < values.length; f++) {
        factors[f][i] = (float) values[f];
      }
    }
    Map<String, float[]> named = new LinkedHashMap<>();
    for (int f = 0; f < FACTORS.size(); f++) {
      named.put(FACTORS.get(f), factors[f]);
    }
    return new ImageSet(pixels, labels, 1, side, side, named);
  }
}
