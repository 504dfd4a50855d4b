package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesMarkupAndQuotes() {
    assertThat(Html.esc("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(Html.esc(null)).isEmpty();
  }

  @Test
  void formatsNumbersSoSmallAndLargeValuesStayVisible() {
    assertThat(Html.number(0.93125)).isEqualTo("0.9313");
    assertThat(Html.number(0)).isEqualTo("0.0000");
    assertThat(Html.number(1.25e-5)).isEqualTo("1.250e-05");
    assertThat(Html.number(-3.5e7)).isEqualTo("-3.500e+07");
    assertThat(Html.number(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void pixelImagesAreEnlargedByWholeFactorsUpToALimit() throws Exception {
    byte[] small = ImageGrids.png(new BufferedImage(35, 20, BufferedImage.TYPE_INT_RGB));
    byte[] tiny = ImageGrids.png(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
    byte[] wide = ImageGrids.png(new BufferedImage(500, 10, BufferedImage.TYPE_INT_RGB));
    assertThat(Html.pngWidth(small)).isEqualTo(35);
    assertThat(Html.pixelImg(small, "s")).endsWith(" width=\"280\">").contains("class=\"pixel\"");
    assertThat(Html.pixelImg(tiny, "t")).endsWith(" width=\"32\">");
    assertThat(Html.pixelImg(wide, "w")).endsWith(" width=\"500\">");
    assertThat(Html.pngWidth(new byte[] {1, 2, 3})).isEqualTo(-1);
  }
}
