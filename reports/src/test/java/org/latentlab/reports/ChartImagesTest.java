package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.spi.Chart;

class ChartImagesTest {

  /** A latent map: ten classes of 30 points each around ten centres. */
  static Chart tenClassScatter() {
    List<Chart.Series> series = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      double[] x = new double[30];
      double[] y = new double[30];
      for (int i = 0; i < 30; i++) {
        x[i] = 10 * Math.cos(c * 0.6) + Math.sin(i * 1.3);
        y[i] = 10 * Math.sin(c * 0.6) + Math.cos(i * 0.7);
      }
      series.add(new Chart.Series("class " + c, x, y));
    }
    return new Chart("pca", "PCA of the codes", Chart.Kind.SCATTER, "PC 1", "PC 2", series, "coloured by class");
  }

  @Test
  void scatterWritesANonEmptyPngOfTheExpectedSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("figures/latent-map-pca.png");
    ChartImages.writePng(tenClassScatter(), file);
    assertThat(file).isRegularFile();
    assertThat(Files.size(file)).isGreaterThan(1000);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
    assertThat(image.getHeight()).isEqualTo(ChartImages.HEIGHT);
    // not a blank canvas: several of the palette's colours were drawn
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    assertThat(colours.size()).isGreaterThan(20);
    for (Color c : ChartImages.PALETTE.subList(0, 10)) {
      // the legend shows every class's colour (opaque, as drawn in the legend or in a dense spot)
      assertThat(colours.stream().anyMatch(rgb -> near(rgb, c.getRGB() & 0xffffff, 60)))
          .as("colour %06x", c.getRGB() & 0xffffff).isTrue();
    }
  }

  @Test
  void linesRenderAtARequestedSizeWithLinesAndMarkers() throws Exception {
    Chart lines = new Chart("accuracy", "Accuracy against labels", Chart.Kind.LINES, "labels", "accuracy",
        List.of(new Chart.Series("random", new double[] {10, 100, 1000}, new double[] {0.3, 0.6, 0.9}),
            new Chart.Series("uncertainty", new double[] {10, 100, 1000}, new double[] {0.3, 0.7, Double.NaN})),
        "");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartImages.png(lines, 400, 300)));
    assertThat(image.getWidth()).isEqualTo(400);
    assertThat(image.getHeight()).isEqualTo(300);
    JFreeChart chart = ChartImages.jfreeChart(lines);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    assertThat(renderer.getDefaultLinesVisible()).isTrue();
    assertThat(renderer.getDefaultShapesVisible()).isTrue();
    assertThat(chart.getXYPlot().getDataset().getItemCount(1)).isEqualTo(2); // NaN skipped
    assertThat(chart.getLegend()).isNotNull();

    JFreeChart scatter = ChartImages.jfreeChart(tenClassScatter());
    XYLineAndShapeRenderer dots = (XYLineAndShapeRenderer) scatter.getXYPlot().getRenderer();
    assertThat(dots.getDefaultLinesVisible()).isFalse();
    assertThat(scatter.getXYPlot().getDataset().getSeriesCount()).isEqualTo(10);
    assertThat(scatter.getXYPlot().getDataset().getSeriesKey(3)).isEqualTo("class 3");
  }

  @Test
  void duplicateSeriesNamesAndEmptySeriesAreDrawn() throws Exception {
    Chart chart = new Chart("dup", "t", Chart.Kind.SCATTER, "x", "y",
        List.of(new Chart.Series("a", new double[] {1}, new double[] {2}),
            new Chart.Series("a", new double[] {2}, new double[] {1}),
            new Chart.Series("empty", new double[0], new double[0])), "");
    assertThat(ChartImages.render(chart, 200, 100).getWidth()).isEqualTo(200);
    assertThatThrownBy(() -> ChartImages.render(chart, 0, 100)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReportEmbedsAChartListedAsAnEvaluationFigure(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("provenance.json"), "{\"run\":\"maps/1\",\"name\":\"maps\",\"status\":\"completed\"}");
    Files.writeString(run.resolve("evaluations.json"), """
        [{"evaluator":"latent-map","metrics":{"latent-map/pca-explained-variance":0.41},"tables":[],
          "figures":[{"name":"pca","title":"PCA of the codes","file":"figures/latent-map-pca.png",
                      "caption":"coloured by class","kind":"chart"}]}]
        """);
    ChartImages.writePng(tenClassScatter(), run.resolve("figures/latent-map-pca.png"));
    String html = Files.readString(ReportWriter.write(run), StandardCharsets.UTF_8);
    String png = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(run.resolve("figures/latent-map-pca.png")));
    assertThat(html).contains("<h3>latent-map</h3>", "PCA of the codes", "coloured by class",
        "class=\"chart\" alt=\"PCA of the codes\" src=\"data:image/png;base64," + png + "\"");
    assertThat(html).doesNotContain("Other figures", "Figure file not available");
  }

  private static boolean near(int a, int b, int tolerance) {
    return Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)) + Math.abs(((a >> 8) & 255) - ((b >> 8) & 255))
        + Math.abs((a & 255) - (b & 255)) <= tolerance;
  }
}
