package org.latentlab.reports;

import java.util.List;

/**
 * Mean and sample standard deviation of repeated measurements (a sweep point's seeds).
 *
 * @param mean the mean
 * @param std  the sample standard deviation ({@code n - 1} in the denominator), 0 for one value
 * @param n    how many values
 */
public record MeanStd(double mean, double std, int n) {
  /** The statistics of {@code values} (NaN mean for none). */
  public static MeanStd of(List<Double> values) {
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double ss = values.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
    return new MeanStd(mean, values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0, values.size());
  }
}
