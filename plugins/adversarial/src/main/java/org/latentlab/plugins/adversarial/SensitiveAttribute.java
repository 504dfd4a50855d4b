package org.latentlab.plugins.adversarial;

import java.util.List;
import java.util.Map;
import org.latentlab.api.data.ImageSet;

/**
 * A binary sensitive attribute of each image, read off the data set's factors
 * ({@link ImageSet#factors()}): {@code 1} where the attribute's value exceeds {@code threshold}, else
 * {@code 0}. The value is a factor named {@code name}, or, for {@value #BACKGROUND_LUMINANCE}, the luma of
 * the background colour (ITU-R BT.601: {@code 0.299 R + 0.587 G + 0.114 B} of the factors
 * {@code backgroundRed}, {@code backgroundGreen}, {@code backgroundBlue} that {@code colour-digits} gives
 * each image), so a threshold of 0.5 splits the colour digits into those on a dark and those on a light
 * background.
 *
 * @param name      {@value #BACKGROUND_LUMINANCE} or the name of a factor
 * @param threshold the value above which the attribute is 1
 */
record SensitiveAttribute(String name, double threshold) {
  /** The derived attribute: the luma of the background colour. */
  static final String BACKGROUND_LUMINANCE = "background-luminance";
  private static final List<String> BACKGROUND = List.of("backgroundRed", "backgroundGreen", "backgroundBlue");
  private static final double[] LUMA = {0.299, 0.587, 0.114};

  /**
   * The attribute of every image of {@code images}.
   *
   * @throws IllegalArgumentException naming the attribute and the factors the images have, when a factor it
   *                                  needs is missing
   */
  int[] values(ImageSet images) {
    Map<String, float[]> factors = images.factors();
    List<String> needed = name.equals(BACKGROUND_LUMINANCE) ? BACKGROUND : List.of(name);
    for (String factor : needed) {
      if (!factors.containsKey(factor)) {
        throw new IllegalArgumentException("attribute '" + name + "' needs the factor" + (needed.size() > 1 ? "s " : " ")
            + String.join(", ", needed) + " of every image, but this data set's images have "
            + (factors.isEmpty() ? "no factors" : "the factors " + factors.keySet())
            + "; use colour-digits (background colours) or name one of its factors");
      }
    }
    int[] out = new int[images.size()];
    for (int i = 0; i < out.length; i++) {
      double value = 0;
      if (name.equals(BACKGROUND_LUMINANCE)) {
        for (int c = 0; c < BACKGROUND.size(); c++) {
          value += LUMA[c] * factors.get(BACKGROUND.get(c))[i];
        }
      } else {
        value = factors.get(name)[i];
      }
      out[i] = value > threshold ? 1 : 0;
    }
    return out;
  }

  /** The share of the commoner value: the accuracy of always guessing it (chance). */
  static double majorityShare(int[] values) {
    int ones = 0;
    for (int v : values) {
      ones += v;
    }
    return values.length == 0 ? 0 : (double) Math.max(ones, values.length - ones) / values.length;
  }
}
