package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.DatasetProvider;

/**
 * The embedded MNIST-10k digits in colour: each image gets a foreground and a background colour, each
 * drawn uniformly from the RGB cube and redrawn until the two are at least {@value #MIN_CONTRAST} apart
 * (Euclidean distance), and becomes {@code background + digit * (foreground - background)} per channel,
 * three channels in {@code [0, 1]}. Labels stay the digits; the six colour components are in
 * {@link ImageSet#factors()} under {@link #FACTORS}.
 *
 * <p>Training colours come from {@code new java.util.Random(seed)}, test colours from a second stream
 * seeded from it, drawn in split order; the same seed gives the same images on every platform.
 */
public final class ColourDigitsDatasetProvider implements DatasetProvider<ColourDigitsParameters> {

  /** Names of the factors in {@link ImageSet#factors()}, in order. */
  public static final List<String> FACTORS = List.of("foregroundRed", "foregroundGreen", "foregroundBlue",
      "backgroundRed", "backgroundGreen", "backgroundBlue");

  /** The least RGB distance between an image's foreground and background colours. */
  public static final double MIN_CONTRAST = 0.5;

  private static final int CHANNELS = 3;
  private static final long TEST_STREAM = 0x7e57_5eedL;

  @Override
  public String id() {
    return "colour-digits";
  }

  @Override
  public String description() {
    return "The embedded MNIST-10k digits with seeded random foreground and background colours, 3x28x28";
  }

  @Override
  public Class<ColourDigitsParameters> parametersType() {
    return ColourDigitsParameters.class;
  }

  @Override
  public Dataset load(ColourDigitsParameters parameters) throws IOException {
    Validation.requireValid(id(), parameters);
    Dataset digits = new Mnist10kDatasetProvider().load(parameters.digits());
    ImageSet train = colour(digits.train(), new Random(parameters.seed()));
    ImageSet test = colour(digits.test(), new Random(parameters.seed() ^ TEST_STREAM));
    List<DataSource> sources = new ArrayList<>(digits.sources());
    sources.add(GeneratedSource.of("generated:colour-digits?seed=" + parameters.seed() + "&trainSize="
        + parameters.trainSize() + "&testSize=" + parameters.testSize(), train, test));
    return new Dataset("Colour digits", train, test, digits.classNames(), sources);
  }

  private static ImageSet colour(ImageSet grey, Random random) {
    int plane = grey.height() * grey.width();
    float[] pixels = new float[grey.size() * CHANNELS * plane];
    float[][] factors = new float[FACTORS.size()][grey.size()];
    for (int i = 0; i < grey.size(); i++) {
      double[] colours = colours(random);
      for (int c = 0; c < CHANNELS; c++) {
        double fg = colours[c];
        double bg = colours[CHANNELS + c];
        int out = (i * CHANNELS + c) * plane;
        for (int p = 0; p < plane; p++) {
          pixels[out + p] = (float) (bg + grey.pixels()[i * plane + p] * (fg - bg));
        }
      }
      for (int f = 0; f < colours.length; f++) {
        factors[f][i] = (float) colours[f];
      }
    }
    Map<String, float[]> named = new LinkedHashMap<>();
    for (int f = 0; f < FACTORS.size(); f++) {
      named.put(FACTORS.get(f), factors[f]);
    }
    return new ImageSet(pixels, grey.labels(), CHANNELS, grey.height(), grey.width(), named);
  }

  /** Foreground then background RGB, at least {@link #MIN_CONTRAST} apart. */
  private static double[] colours(Random random) {
    double[] rgb = new double[2 * CHANNELS];
    double distance;
    do {
      distance = 0;
      for (int k = 0; k < rgb.length; k++) {
        rgb[k] = random.nextDouble();
      }
      for (int c = 0; c < CHANNELS; c++) {
        distance += (rgb[c] - rgb[CHANNELS + c]) * (rgb[c] - rgb[CHANNELS + c]);
      }
    } while (Math.sqrt(distance) < MIN_CONTRAST);
    return rgb;
  }
}
