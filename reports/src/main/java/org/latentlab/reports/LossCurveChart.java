package org.latentlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss curves of one training step: one line per loss term against the iteration. The y axis is
 * logarithmic when all values are positive and span more than a factor of {@link #LOG_RATIO}. Charts
 * are drawn headless.
 */
public final class LossCurveChart {

  /** Default width in pixels. */
  public static final int WIDTH = 800;
  /** Default height in pixels. */
  public static final int HEIGHT = 360;
  /** The max/min ratio above which the y axis becomes logarithmic. */
  static final double LOG_RATIO = 100;

  private final String step;
  private final Map<String, XYSeries> series = new LinkedHashMap<>();

  /** An empty chart for the training step {@code step}. */
  public LossCurveChart(String step) {
    this.step = step;
  }

  /** The training step this chart shows. */
  public String step() {
    return step;
  }

  /** Adds one value of a loss term; non-finite values are skipped. */
  public LossCurveChart add(String term, double iteration, double value) {
    if (Double.isFinite(value) && Double.isFinite(iteration)) {
      series.computeIfAbsent(term, t -> new XYSeries(t, true, true)).add(iteration, value);
    }
    return this;
  }

  /** Whether any value was added. */
  public boolean isEmpty() {
    return series.values().stream().allMatch(s -> s.getItemCount() == 0);
  }

  /** Whether the y axis is logarithmic. */
  public boolean logScale() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (XYSeries s : series.values()) {
      if (s.getItemCount() == 0) {
        continue;
      }
      min = Math.min(min, s.getMinY());
      max = Math.max(max, s.getMaxY());
    }
    return min > 0 && max / min > LOG_RATIO;
  }

  /** Draws the chart at {@code width x height} pixels. */
  public BufferedImage render(int width, int height) {
    ensureHeadless();
    XYSeriesCollection dataset = new XYSeriesCollection();
    series.values().forEach(dataset::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(
        step, "iteration", "loss", dataset, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    if (logScale()) {
      LogAxis axis = new LogAxis("loss (log)");
      axis.setSmallestValue(1e-12);
      plot.setRangeAxis(axis);
    } else {
      ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(1.6f));
    }
    plot.setRenderer(renderer);
    return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
  }

  /** The chart at the default size as PNG bytes. */
  public byte[] png() throws IOException {
    return png(WIDTH, HEIGHT);
  }

  /** The chart at {@code width x height} pixels as PNG bytes. */
  public byte[] png(int width, int height) throws IOException {
    return ImageGrids.png(render(width, height));
  }

  private static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
