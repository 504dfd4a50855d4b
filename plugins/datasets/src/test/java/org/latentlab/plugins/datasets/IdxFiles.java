package org.latentlab.plugins.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files for tests. */
final class IdxFiles {

  private IdxFiles() {}

  /** An image file: header for {@code n x rows x cols}, then {@code body}. */
  static byte[] images(int n, int rows, int cols, byte[] body) {
    return ByteBuffer.allocate(16 + body.length)
        .putInt(IdxReader.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols).put(body).array();
  }

  /** An image file of {@code n} images whose pixel {@code i} is {@code i % 256}. */
  static byte[] images(int n, int rows, int cols) {
    byte[] body = new byte[n * rows * cols];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    return images(n, rows, cols, body);
  }

  /** A label file holding {@code labels}. */
  static byte[] labels(int... labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
    for (int label : labels) {
      b.put((byte) label);
    }
    return b.array();
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] cut(byte[] bytes, int length) {
    return Arrays.copyOf(bytes, length);
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
