package org.latentlab.plugins.datasets;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.latentlab.api.data.DataSource;

/**
 * Reads IDX files (the format of MNIST, Fashion-MNIST and KMNIST), gzip-compressed or not: gzip is
 * detected by its magic bytes, not by the file name. Image files (magic {@code 0x00000803}) hold
 * {@code n x rows x cols} unsigned bytes, scaled here to {@code v / 255}; label files (magic
 * {@code 0x00000801}) hold {@code n} unsigned bytes. Every header field and the exact body length are
 * checked, and a bad file is an {@link IOException} whose message names the file, what was wrong and
 * what was expected; nothing partly read is returned. Each result carries the SHA-256 and size of the
 * bytes as stored, for provenance.
 */
public final class IdxReader {

  /** Magic number of an IDX image file: unsigned bytes, 3 dimensions. */
  public static final int IMAGES_MAGIC = 0x00000803;
  /** Magic number of an IDX label file: unsigned bytes, 1 dimension. */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int IMAGES_HEADER_BYTES = 16;
  private static final int LABELS_HEADER_BYTES = 8;
  private static final float[] SCALE = new float[256];

  static {
    for (int v = 0; v < 256; v++) {
      SCALE[v] = v / 255f;
    }
  }

  private IdxReader() {}

  /** Reads an image file. */
  public static IdxImages readImages(Path file) throws IOException {
    return readImages(file.toString(), readStored(file, describe(IMAGES_MAGIC)));
  }

  /** Reads a label file. */
  public static IdxLabels readLabels(Path file) throws IOException {
    return readLabels(file.toString(), readStored(file, describe(LABELS_MAGIC)));
  }

  /** Reads image-file bytes as stored (gzip or raw); {@code location} names them in messages and provenance. */
  public static IdxImages readImages(String location, byte[] stored) throws IOException {
    DataSource source = source(location, stored);
    return decode(location, stored, in -> {
      ByteBuffer header = header(location, in, IMAGES_MAGIC, IMAGES_HEADER_BYTES);
      int count = dimension(location, header.getInt(), "image count");
      int rows = dimension(location, header.getInt(), "row count");
      int cols = dimension(location, header.getInt(), "column count");
      byte[] body = body(location, in, (long) count * rows * cols,
          count + " images of " + rows + "x" + cols, "image");
      float[] pixels = new float[body.length];
      for (int i = 0; i < body.length; i++) {
        pixels[i] = SCALE[body[i] & 0xff];
      }
      return new IdxImages(pixels, count, rows, cols, source);
    });
  }

  /** Reads label-file bytes as stored (gzip or raw); {@code location} names them in messages and provenance. */
  public static IdxLabels readLabels(String location, byte[] stored) throws IOException {
    DataSource source = source(location, stored);
    return decode(location, stored, in -> {
      ByteBuffer header = header(location, in, LABELS_MAGIC, LABELS_HEADER_BYTES);
      int count = dimension(location, header.getInt(), "label count");
      byte[] body = body(location, in, count, count + " labels", "label");
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = body[i] & 0xff;
      }
      return new IdxLabels(labels, source);
    });
  }

  private interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  /** Runs {@code parser} on the uncompressed bytes, turning gzip failures into messages. */
  private static <T> T decode(String location, byte[] stored, Parser<T> parser) throws IOException {
    boolean gzip = stored.length >= 2 && stored[0] == (byte) 0x1f && stored[1] == (byte) 0x8b;
    if (!gzip) {
      return parser.parse(new ByteArrayInputStream(stored));
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      return parser.parse(in);
    } catch (EOFException e) {
      throw new IOException(location + ": truncated gzip stream: the " + stored.length
          + " stored bytes end before the compressed data does; expected a complete file"
          + " (was the download interrupted?)", e);
    } catch (ZipException e) {
      throw new IOException(location + ": corrupt gzip data (" + e.getMessage()
          + "); expected a valid gzip stream (the file is damaged: download it again)", e);
    }
  }

  /** Reads and checks the magic number, then the rest of the header; returns the header past the magic. */
  private static ByteBuffer header(String location, InputStream in, int magic, int headerBytes)
      throws IOException {
    byte[] header = in.readNBytes(headerBytes);
    if (header.length >= 4) {
      int found = ByteBuffer.wrap(header).getInt();
      if (found != magic) {
        throw new IOException(String.format("%s: wrong magic number 0x%08x (%s); expected 0x%08x (%s)",
            location, found, describe(found), magic, describe(magic)));
      }
    }
    if (header.length < headerBytes) {
      throw new IOException(location + ": truncated header: the file holds " + header.length
          + " bytes but " + describe(magic) + " starts with a " + headerBytes + "-byte header");
    }
    return ByteBuffer.wrap(header, 4, headerBytes - 4);
  }

  private static int dimension(String location, int value, String what) throws IOException {
    if (value <= 0) {
      throw new IOException(location + ": bad header: " + what + " is " + Integer.toUnsignedLong(value)
          + "; expected a count from 1 to " + Integer.MAX_VALUE);
    }
    return value;
  }

  /** Reads exactly {@code expected} bytes and checks that nothing follows them. */
  private static byte[] body(String location, InputStream in, long expected, String promise, String item)
      throws IOException {
    String promised = "header promises " + promise + " (" + expected + " bytes)";
    if (expected > Integer.MAX_VALUE - 8) {
      throw new IOException(location + ": too large: " + promised + ", more than one Java array holds");
    }
    byte[] body = in.readNBytes((int) expected);
    if (body.length < expected) {
      throw new IOException(location + ": truncated: " + promised + " but only " + body.length + " bytes follow");
    }
    if (in.read() >= 0) {
      long extra = 1 + in.transferTo(OutputStream.nullOutputStream());
      throw new IOException(location + ": trailing bytes: " + promised + " but " + extra
          + " more bytes follow; expected the file to end after the last " + item);
    }
    return body;
  }

  /** Reads a whole file, naming it, why it can't be read and {@code expected} (what it should be) on failure. */
  static byte[] readStored(Path file, String expected) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a directory; expected " + expected);
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": missing: no such file; expected " + expected + " (check the path)", e);
    } catch (AccessDeniedException e) {
      throw new IOException(file + ": not readable: permission denied; expected a readable " + expected, e);
    }
  }

  private static String describe(int magic) {
    if (magic == IMAGES_MAGIC) {
      return "an IDX image file";
    }
    if (magic == LABELS_MAGIC) {
      return "an IDX label file";
    }
    if (magic >>> 16 == 0) {
      return String.format("IDX data of type 0x%02x with %d dimensions", (magic >>> 8) & 0xff, magic & 0xff);
    }
    return "not an IDX file";
  }

  /** The provenance of {@code stored}: its location, SHA-256 and size. */
  static DataSource source(String location, byte[] stored) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(stored);
      return new DataSource(location, HexFormat.of().formatHex(hash), stored.length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
