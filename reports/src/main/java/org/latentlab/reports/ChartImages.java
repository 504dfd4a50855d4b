package org.latentlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.api.spi.Chart;

/**
 * Draws a {@link Chart} with JFreeChart, in the style of {@link LossCurveChart}: a scatter is drawn as
 * small filled markers, one colour per series, with a legend (a latent map coloured by class); lines
 * are drawn with a marker at every point. Colours come from {@link #PALETTE}, a qualitative palette
 * whose ten colours stay distinct for ten classes (Tableau 10). Charts are drawn headless
 * ({@code java.awt.headless=true} unless the property is already set).
 */
public final class ChartImages {

  /** Default width in pixels. */
  public static final int WIDTH = 640;
  /** Default height in pixels. */
  public static final int HEIGHT = 560;
  /** Series colours in order (Tableau 10); series beyond ten reuse them. */
  static final List<Color> PALETTE = List.of(new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759),
      new Color(0x76b7b2), new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
      new Color(0x9c755f), new Color(0xbab0ac));
  /** Marker diameter of a scatter, in pixels. */
  static final double SCATTER_MARKER = 4;
  /** Marker diameter on lines, in pixels. */
  static final double LINE_MARKER = 6;
  /** Opacity of scatter markers, so dense regions still show their mixture. */
  private static final int SCATTER_ALPHA = 190;

  private ChartImages() {}

  /** Renders the chart at the default size and writes it as PNG to {@code file}, atomically, creating parent folders. */
  public static void writePng(Chart chart, Path file) throws IOException {
    writePng(chart, file, WIDTH, HEIGHT);
  }

  /** Renders the chart at {@code width x height} pixels and writes it as PNG to {@code file}, atomically. */
  public static void writePng(Chart chart, Path file, int width, int height) throws IOException {
    AtomicFiles.write(file, png(chart, width, height));
  }

  /** The chart at {@code width x height} pixels as PNG bytes. */
  public static byte[] png(Chart chart, int width, int height) throws IOException {
    return ImageGrids.png(render(chart, width, height));
  }

  /** Draws the chart at {@code width x height} pixels. */
  public static BufferedImage render(Chart chart, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("chart '" + chart.name() + "': size must be positive (was " + width + "x"
          + height + ")");
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    return jfreeChart(chart).createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
  }

  /** The JFreeChart of a chart: one series per chart series, in legend order; non-finite points are skipped. */
  static JFreeChart jfreeChart(Chart chart) {
    boolean scatter = chart.kind() == Chart.Kind.SCATTER;
    XYSeriesCollection dataset = new XYSeriesCollection();
    Map<String, Integer> seen = new HashMap<>();
    for (Chart.Series s : chart.series()) {
      // XYSeriesCollection refuses duplicate keys: number repeated names
      int count = seen.merge(s.name(), 1, Integer::sum);
      XYSeries series = new XYSeries(count == 1 ? s.name() : s.name() + " (" + count + ")", !scatter, true);
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
          series.add(s.x()[i], s.y()[i], false);
        }
      }
      dataset.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(!scatter, true);
    double d = scatter ? SCATTER_MARKER : LINE_MARKER;
    Shape marker = new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      Color c = PALETTE.get(i % PALETTE.size());
      renderer.setSeriesPaint(i, scatter ? new Color(c.getRed(), c.getGreen(), c.getBlue(), SCATTER_ALPHA) : c);
      renderer.setSeriesShape(i, marker);
      renderer.setSeriesStroke(i, new BasicStroke(1.8f));
      renderer.setSeriesShapesFilled(i, true);
      if (scatter) {
        renderer.setLegendShape(i, new Ellipse2D.Double(-LINE_MARKER / 2, -LINE_MARKER / 2, LINE_MARKER, LINE_MARKER));
      }
    }
    renderer.setDrawSeriesLineAsPath(!scatter);
    JFreeChart out = scatter
        ? ChartFactory.createScatterPlot(chart.title(), chart.xLabel(), chart.yLabel(), dataset,
            PlotOrientation.VERTICAL, true, false, false)
        : ChartFactory.createXYLineChart(chart.title(), chart.xLabel(), chart.yLabel(), dataset,
            PlotOrientation.VERTICAL, true, false, false);
    out.setBackgroundPaint(Color.WHITE);
    XYPlot plot = out.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    plot.setRenderer(renderer);
    LegendTitle legend = out.getLegend();
    if (legend != null) {
      legend.setPosition(scatter ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
      legend.setBackgroundPaint(Color.WHITE);
    }
    return out;
  }
}
