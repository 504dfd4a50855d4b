package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class LossCurveChartTest {

  @Test
  void pngDecodesWithRequestedSize() throws Exception {
    LossCurveChart chart = new LossCurveChart("autoencoder");
    for (int i = 1; i <= 50; i++) {
      chart.add("loss", i * 10, 1.0 / i).add("kl", i * 10, 0.1 / i);
    }
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
    assertThat(image.getWidth()).isEqualTo(LossCurveChart.WIDTH).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(LossCurveChart.HEIGHT).isEqualTo(360);
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(chart.png(320, 200)));
    assertThat(small.getWidth()).isEqualTo(320);
    assertThat(small.getHeight()).isEqualTo(200);
  }

  @Test
  void logScaleOnlyForWidePositiveRanges() {
    assertThat(new LossCurveChart("s").add("a", 1, 1000).add("a", 2, 1).logScale()).isTrue();
    assertThat(new LossCurveChart("s").add("a", 1, 100).add("a", 2, 1).logScale()).isFalse();
    assertThat(new LossCurveChart("s").add("a", 1, 1000).add("b", 2, 0).logScale()).isFalse();
    assertThat(new LossCurveChart("s").add("a", 1, 1000).add("a", 2, -1).logScale()).isFalse();
    LossCurveChart log = new LossCurveChart("s").add("a", 1, 5000).add("a", 2, 0.5).add("a", 3, Double.NaN);
    assertThat(log.logScale()).isTrue();
    assertThat(log.render(400, 300).getWidth()).isEqualTo(400);
  }

  @Test
  void emptyUntilAFiniteValueIsAdded() {
    LossCurveChart chart = new LossCurveChart("s");
    assertThat(chart.isEmpty()).isTrue();
    chart.add("a", 1, Double.POSITIVE_INFINITY);
    assertThat(chart.isEmpty()).isTrue();
    chart.add("a", 1, 0.3);
    assertThat(chart.isEmpty()).isFalse();
  }

  @Test
  void movingAverageIsCentredAndShrinksAtTheEnds() {
    double[] avg = LossCurveChart.movingAverage(new double[] {1, 2, 3, 4, 10}, 3);
    assertThat(avg).containsExactly(1.5, 2, 3, 17 / 3.0, 7);
    assertThat(LossCurveChart.movingAverage(new double[] {4, 8}, 1)).containsExactly(4, 8);
  }

  @Test
  void manyPointsAreSmoothedWithTheRawCurveFaintAndOutOfTheLegend() {
    LossCurveChart few = new LossCurveChart("s");
    LossCurveChart many = new LossCurveChart("s");
    for (int i = 0; i < 600; i++) {
      double noisy = 1.0 / (i + 1) + (i % 2 == 0 ? 0.05 : -0.05);
      many.add("loss", i, noisy).add("kl", i, 0.5);
      if (i < 20) {
        few.add("loss", i, noisy);
      }
    }
    assertThat(few.smoothingWindow()).isEqualTo(1);
    assertThat(few.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(1);

    assertThat(many.smoothingWindow()).isEqualTo(21);
    XYDataset data = many.chart().getXYPlot().getDataset();
    assertThat(data.getSeriesCount()).isEqualTo(4);
    assertThat(data.getSeriesKey(0)).isEqualTo("loss");
    assertThat(data.getSeriesKey(2)).isEqualTo("loss (raw)");
    // the alternating +-0.05 noise averages out in the middle of the smoothed curve
    assertThat(data.getYValue(0, 300)).isCloseTo(1.0 / 301, within(0.01));
    assertThat(data.getYValue(2, 300)).isCloseTo(1.0 / 301 + 0.05, within(1e-9));
    XYItemRenderer renderer = many.chart().getXYPlot().getRenderer();
    assertThat(((Color) renderer.getSeriesPaint(2)).getAlpha()).isLessThan(255);
    assertThat(((Color) renderer.getSeriesPaint(0)).getAlpha()).isEqualTo(255);
    assertThat(many.chart().getXYPlot().getLegendItems().getItemCount()).isEqualTo(2);
  }

  @Test
  void onALogAxisTheAverageIsGeometricSoExponentialDecayIsFollowedExactly() {
    LossCurveChart chart = new LossCurveChart("s");
    for (int i = 0; i < 200; i++) {
      chart.add("loss", i, Math.exp(-i / 20.0));
    }
    assertThat(chart.logScale()).isTrue();
    assertThat(chart.smoothingWindow()).isEqualTo(7);
    XYDataset data = chart.chart().getXYPlot().getDataset();
    assertThat(data.getYValue(0, 100)).isCloseTo(Math.exp(-5), within(1e-12));
  }
}
