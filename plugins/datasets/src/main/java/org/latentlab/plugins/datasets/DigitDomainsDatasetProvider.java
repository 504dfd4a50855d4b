package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.DatasetProvider;

/**
 * Two domains of the embedded digits for unsupervised domain adaptation (as MNIST to MNIST-M in Ganin et
 * al. 2016): the training split holds the first half of the training digits in grey (white on black, copied
 * into three channels) with their labels, the source domain, and the second half in the colours of
 * {@code colour-digits} with the same seed, labels hidden ({@code -1}), the target domain; the test split is
 * the {@code colour-digits} test split, labelled, so every evaluator measures the target domain. The two
 * halves hold different digits. Each image has the six colour factors of {@code colour-digits} (white
 * foreground and black background for the grey ones) and {@link #DOMAIN} (0 source, 1 target).
 */
public final class DigitDomainsDatasetProvider implements DatasetProvider<DigitDomainsParameters> {

  /** The factor naming each image's domain: 0 source (grey, labelled), 1 target (colour, unlabelled in training). */
  public static final String DOMAIN = "domain";

  private static final int CHANNELS = 3;

  @Override
  public String id() {
    return "digit-domains";
  }

  @Override
  public String description() {
    return "Domain adaptation: labelled grey digits (source) and unlabelled colour digits (target) for training,"
        + " colour digits for testing, 3x28x28";
  }

  @Override
  public Class<DigitDomainsParameters> parametersType() {
    return DigitDomainsParameters.class;
  }

  @Override
  public Dataset load(DigitDomainsParameters parameters) throws IOException {
    Validation.requireValid(id(), parameters);
    Dataset colour = new ColourDigitsDatasetProvider().load(parameters.colours());
    Dataset grey = new Mnist10kDatasetProvider().load(parameters.colours().digits());
    int half = parameters.trainSize() / 2;
    ImageSet source = inRgb(grey.train().range(0, half));
    ImageSet target = colour.train().range(half, parameters.trainSize());
    ImageSet train = join(source, target);
    ImageSet test = withDomain(colour.test(), colour.test().labels(), 1);
    List<DataSource> sources = new ArrayList<>(colour.sources());
    sources.add(GeneratedSource.of("generated:digit-domains?seed=" + parameters.seed() + "&trainSize="
        + parameters.trainSize() + "&testSize=" + parameters.testSize(), train, test));
    return new Dataset("Digit domains (grey to colour)", train, test, colour.classNames(), sources);
  }

  /** Grey digits as white-on-black RGB images, with the colour factors that describe them. */
  private static ImageSet inRgb(ImageSet grey) {
    int plane = grey.height() * grey.width();
    float[] pixels = new float[grey.size() * CHANNELS * plane];
    for (int i = 0; i < grey.size(); i++) {
      for (int c = 0; c < CHANNELS; c++) {
        System.arraycopy(grey.pixels(), i * plane, pixels, (i * CHANNELS + c) * plane, plane);
      }
    }
    Map<String, float[]> factors = new LinkedHashMap<>();
    for (int f = 0; f < ColourDigitsDatasetProvider.FACTORS.size(); f++) {
      float[] values = new float[grey.size()];
      java.util.Arrays.fill(values, f < CHANNELS ? 1f : 0f);
      factors.put(ColourDigitsDatasetProvider.FACTORS.get(f), values);
    }
    return new ImageSet(pixels, grey.labels(), CHANNELS, grey.height(), grey.width(), factors);
  }

  /** The source images (with labels and domain 0) followed by the target images (labels -1, domain 1). */
  private static ImageSet join(ImageSet source, ImageSet target) {
    ImageSet s = withDomain(source, source.labels(), 0);
    int[] hidden = new int[target.size()];
    java.util.Arrays.fill(hidden, -1);
    ImageSet t = withDomain(target, hidden, 1);
    float[] pixels = new float[s.pixels().length + t.pixels().length];
    System.arraycopy(s.pixels(), 0, pixels, 0, s.pixels().length);
    System.arraycopy(t.pixels(), 0, pixels, s.pixels().length, t.pixels().length);
    int[] labels = new int[s.size() + t.size()];
    System.arraycopy(s.labels(), 0, labels, 0, s.size());
    System.arraycopy(t.labels(), 0, labels, s.size(), t.size());
    Map<String, float[]> factors = new LinkedHashMap<>();
    s.factors().forEach((name, values) -> {
      float[] joined = new float[labels.length];
      System.arraycopy(values, 0, joined, 0, s.size());
      System.arraycopy(t.factors().get(name), 0, joined, s.size(), t.size());
      factors.put(name, joined);
    });
    return new ImageSet(pixels, labels, CHANNELS, s.height(), s.width(), factors);
  }

  /** {@code images} with {@code labels} and the {@link #DOMAIN} factor set to {@code domain}. */
  private static ImageSet withDomain(ImageSet images, int[] labels, int domain) {
    Map<String, float[]> factors = new LinkedHashMap<>(images.factors());
    float[] values = new float[images.size()];
    java.util.Arrays.fill(values, domain);
    factors.put(DOMAIN, values);
    return new ImageSet(images.pixels(), labels, images.channels(), images.height(), images.width(), factors);
  }
}
