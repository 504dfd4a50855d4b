package org.latentlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The loss curves of one training step, drawn with JFreeChart: one line per loss term against the
 * iteration. A term with at least {@link #SMOOTH_FROM} points is drawn as a centred moving average
 * ({@link #smoothingWindow}) over its raw values, which stay visible as a faint line. The y axis is
 * logarithmic when all values are positive and span more than a factor of {@link #LOG_RATIO}; the
 * average is then taken over the logarithms (a geometric mean), so it follows the curve as drawn.
 * Charts are drawn headless ({@code java.awt.headless=true} unless the property is already set).
 */
public final class LossCurveChart {

  /** Default width in pixels. */
  public static final int WIDTH = 800;
  /** Default height in pixels. */
  public static final int HEIGHT = 360;
  /** The max/min ratio above which the y axis becomes logarithmic (two decades). */
  static final double LOG_RATIO = 100;
  /** Terms with at least this many points are smoothed. */
  static final int SMOOTH_FROM = 100;
  /** A term with n points is smoothed over about n / POINTS_PER_WINDOW points. */
  static final int POINTS_PER_WINDOW = 30;
  /** Line colours, one per term in order; raw curves use the same colour, faint. */
  private static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xd62728),
      new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x17becf));
  private static final int RAW_ALPHA = 60;

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

  /** The moving-average window (odd, in points) of the longest term; 1 when nothing is smoothed. */
  public int smoothingWindow() {
    int points = series.values().stream().mapToInt(XYSeries::getItemCount).max().orElse(0);
    return windowFor(points);
  }

  /** Draws the chart at {@code width x height} pixels. */
  public BufferedImage render(int width, int height) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    return chart().createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
  }

  /** The chart at the default size as PNG bytes. */
  public byte[] png() throws IOException {
    return png(WIDTH, HEIGHT);
  }

  /** The chart at {@code width x height} pixels as PNG bytes. */
  public byte[] png(int width, int height) throws IOException {
    return ImageGrids.png(render(width, height));
  }

  /** The JFreeChart: first one (possibly smoothed) series per term, then the faint raw series. */
  JFreeChart chart() {
    boolean log = logScale();
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    List<XYSeries> raw = new ArrayList<>();
    List<Color> rawColors = new ArrayList<>();
    int term = 0;
    for (XYSeries s : series.values()) {
      Color color = PALETTE.get(term % PALETTE.size());
      int window = windowFor(s.getItemCount());
      dataset.addSeries(window > 1 ? smoothed(s, window, log) : s);
      renderer.setSeriesPaint(term, color);
      renderer.setSeriesStroke(term, new BasicStroke(1.8f));
      if (window > 1) {
        raw.add(s);
        rawColors.add(new Color(color.getRed(), color.getGreen(), color.getBlue(), RAW_ALPHA));
      }
      term++;
    }
    for (int i = 0; i < raw.size(); i++) {
      int index = dataset.getSeriesCount();
      dataset.addSeries(copyWithKey(raw.get(i), raw.get(i).getKey() + " (raw)"));
      renderer.setSeriesPaint(index, rawColors.get(i));
      renderer.setSeriesStroke(index, new BasicStroke(1f));
      renderer.setSeriesVisibleInLegend(index, false);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(
        step, "iteration", "loss", dataset, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    if (log) {
      LogAxis axis = new LogAxis("loss (log scale)");
      axis.setSmallestValue(1e-12);
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      axis.setMinorTickMarksVisible(true);
      plot.setRangeAxis(axis);
    } else {
      ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    }
    plot.setRenderer(renderer);
    return chart;
  }

  /** The odd moving-average window for a term with {@code points} points; 1 below {@link #SMOOTH_FROM}. */
  static int windowFor(int points) {
    if (points < SMOOTH_FROM) {
      return 1;
    }
    return Math.max(5, points / POINTS_PER_WINDOW) | 1;
  }

  /**
   * The centred moving average of {@code values} over {@code window} points; near the ends the window
   * shrinks to the points that exist, so the result has the same length.
   */
  static double[] movingAverage(double[] values, int window) {
    int half = window / 2;
    double[] prefix = new double[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      prefix[i + 1] = prefix[i] + values[i];
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      int from = Math.max(0, i - half);
      int to = Math.min(values.length, i + half + 1);
      out[i] = (prefix[to] - prefix[from]) / (to - from);
    }
    return out;
  }

  private static XYSeries smoothed(XYSeries s, int window, boolean log) {
    double[] y = new double[s.getItemCount()];
    for (int i = 0; i < y.length; i++) {
      double value = s.getY(i).doubleValue();
      y[i] = log ? Math.log(value) : value;
    }
    double[] avg = movingAverage(y, window);
    XYSeries out = new XYSeries(s.getKey(), true, true);
    for (int i = 0; i < avg.length; i++) {
      out.add(s.getX(i), log ? Math.exp(avg[i]) : avg[i], false);
    }
    return out;
  }

  private static XYSeries copyWithKey(XYSeries s, String key) {
    XYSeries out = new XYSeries(key, true, true);
    for (int i = 0; i < s.getItemCount(); i++) {
      out.add(s.getX(i), s.getY(i), false);
    }
    return out;
  }
}
