package org.latentlab.api.spi;

import java.util.List;

/**
 * A 2-D chart for the report: named series of points, drawn as a scatter (a latent map coloured by
 * label: one series per class) or as lines (accuracy against labels).
 *
 * @param name    file-safe kebab-case name, e.g. {@code pca}
 * @param title   caption heading
 * @param kind    scatter or lines
 * @param xLabel  x-axis label
 * @param yLabel  y-axis label
 * @param series  the series, in legend order
 * @param caption what the chart shows
 */
public record Chart(String name, String title, Kind kind, String xLabel, String yLabel, List<Series> series,
    String caption) {

  /** How points are drawn. */
  public enum Kind {
    /** Unconnected points. */
    SCATTER,
    /** Points joined in order, with markers. */
    LINES
  }

  /**
   * One series.
   *
   * @param name legend entry
   * @param x    x values
   * @param y    y values, as many as {@code x}
   */
  public record Series(String name, double[] x, double[] y) {
    /** Checks the lengths. */
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length
            + " y values");
      }
    }
  }

  /** Checks the name and copies the series. */
  public Chart {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("chart name must be kebab-case (was '" + name + "')");
    }
    series = List.copyOf(series);
  }
}
