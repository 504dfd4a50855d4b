package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.ImageSet;

class SensitiveAttributeTest {

  private static ImageSet withBackgrounds(float[] red, float[] green, float[] blue) {
    int n = red.length;
    return new ImageSet(new float[n], new int[n], 1, 1, 1,
        Map.of("backgroundRed", red, "backgroundGreen", green, "backgroundBlue", blue));
  }

  @Test
  void backgroundLuminanceIsTheLumaOfTheBackgroundColourAboveTheThreshold() {
    ImageSet images = withBackgrounds(new float[] {1, 0, 0, 0.9f}, new float[] {0, 1, 0, 0.9f},
        new float[] {0, 0, 1, 0.9f});
    // luma: 0.299, 0.587, 0.114, 0.9
    assertThat(new SensitiveAttribute("background-luminance", 0.5).values(images)).containsExactly(0, 1, 0, 1);
    assertThat(new SensitiveAttribute("background-luminance", 0.2).values(images)).containsExactly(1, 1, 0, 1);
    assertThat(new SensitiveAttribute("backgroundBlue", 0.5).values(images)).containsExactly(0, 0, 1, 1);
  }

  @Test
  void chanceIsTheCommonerValuesShare() {
    assertThat(SensitiveAttribute.majorityShare(new int[] {1, 0, 0, 0})).isEqualTo(0.75);
    assertThat(SensitiveAttribute.majorityShare(new int[] {1, 1, 1, 0})).isEqualTo(0.75);
  }

  @Test
  void aMissingFactorIsNamedWithTheFactorsThereAre() {
    ImageSet plain = new ImageSet(new float[2], new int[2], 1, 1, 1, Map.of("scale", new float[2]));
    assertThatThrownBy(() -> new SensitiveAttribute("background-luminance", 0.5).values(plain))
        .hasMessageContaining("attribute 'background-luminance' needs the factors backgroundRed, backgroundGreen,"
            + " backgroundBlue").hasMessageContaining("the factors [scale]");
    assertThatThrownBy(() -> new SensitiveAttribute("hue", 0.5).values(plain))
        .hasMessageContaining("attribute 'hue' needs the factor hue");
  }
}
