package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
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
}
