package org.latentlab.plugins.datasets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.ImageSet;

/** The provenance of generated images: a descriptive location and the SHA-256 of the pixels made. */
final class GeneratedSource {

  private GeneratedSource() {}

  /**
   * A source named {@code location} whose hash covers every pixel of {@code splits} in order, each as
   * its big-endian IEEE 754 bits; {@code bytes} is the number of bytes hashed.
   */
  static DataSource of(String location, ImageSet... splits) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long bytes = 0;
      byte[] word = new byte[Float.BYTES];
      for (ImageSet split : splits) {
        for (float v : split.pixels()) {
          int bits = Float.floatToIntBits(v);
          word[0] = (byte) (bits >>> 24);
          word[1] = (byte) (bits >>> 16);
          word[2] = (byte) (bits >>> 8);
          word[3] = (byte) bits;
          digest.update(word);
        }
        bytes += (long) split.pixels().length * Float.BYTES;
      }
      return new DataSource(location, HexFormat.of().formatHex(digest.digest()), bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
