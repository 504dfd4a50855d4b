package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IdxReaderPropertiesTest {

  @Property(tries = 200)
  void imagesRoundTrip(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll @IntRange(min = 1, max = 9) int rows,
      @ForAll @IntRange(min = 1, max = 9) int cols, @ForAll long seed, @ForAll boolean gzip) throws IOException {
    byte[] body = new byte[n * rows * cols];
    new java.util.Random(seed).nextBytes(body);
    byte[] raw = IdxFiles.images(n, rows, cols, body);

    IdxImages read = IdxReader.readImages("generated", gzip ? IdxFiles.gzip(raw) : raw);

    assertThat(read.count()).isEqualTo(n);
    assertThat(read.rows()).isEqualTo(rows);
    assertThat(read.cols()).isEqualTo(cols);
    for (int i = 0; i < body.length; i++) {
      assertThat(Math.round(read.pixels()[i] * 255)).isEqualTo(body[i] & 0xff);
      assertThat(read.pixels()[i]).isBetween(0f, 1f);
    }
  }

  @Property(tries = 200)
  void labelsRoundTrip(@ForAll @Size(min = 1, max = 50) int[] labels, @ForAll boolean gzip) throws IOException {
    int[] bytes = java.util.Arrays.stream(labels).map(v -> Math.floorMod(v, 256)).toArray();
    byte[] raw = IdxFiles.labels(bytes);

    assertThat(IdxReader.readLabels("generated", gzip ? IdxFiles.gzip(raw) : raw).labels()).containsExactly(bytes);
  }

  @Property(tries = 100)
  void everyCutIsRefused(@ForAll @IntRange(min = 0, max = 27) int length, @ForAll boolean gzip) {
    byte[] raw = IdxFiles.cut(IdxFiles.images(3, 2, 2), length);

    assertThatThrownBy(() -> IdxReader.readImages("cut", gzip ? IdxFiles.gzip(raw) : raw))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cut: ");
  }
}
