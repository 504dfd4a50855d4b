package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.latentlab.plugins.datasets.IdxFiles.cut;
import static org.latentlab.plugins.datasets.IdxFiles.gzip;
import static org.latentlab.plugins.datasets.IdxFiles.images;
import static org.latentlab.plugins.datasets.IdxFiles.labels;
import static org.latentlab.plugins.datasets.IdxFiles.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  @TempDir Path dir;

  @Test
  void readsRawImagesScaledToUnitRange() throws IOException {
    byte[] raw = images(2, 2, 3, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, (byte) 128, (byte) 255});
    IdxImages read = IdxReader.readImages(write(dir, "img-idx3-ubyte", raw));

    assertThat(read.count()).isEqualTo(2);
    assertThat(read.rows()).isEqualTo(2);
    assertThat(read.cols()).isEqualTo(3);
    assertThat(read.pixels()).hasSize(12);
    assertThat(read.pixels()[0]).isEqualTo(0f);
    assertThat(read.pixels()[5]).isEqualTo(5 / 255f);
    assertThat(read.pixels()[10]).isEqualTo(128 / 255f);
    assertThat(read.pixels()[11]).isEqualTo(1f);
  }

  @Test
  void readsGzipImagesWhateverTheName() throws IOException {
    byte[] raw = images(3, 4, 5);
    IdxImages plain = IdxReader.readImages(write(dir, "a", raw));
    IdxImages packed = IdxReader.readImages(write(dir, "b.bin", gzip(raw)));

    assertThat(packed.pixels()).containsExactly(plain.pixels());
    assertThat(packed.count()).isEqualTo(3);
  }

  @Test
  void readsRawAndGzipLabels() throws IOException {
    assertThat(IdxReader.readLabels(write(dir, "l", labels(0, 9, 255, 3))).labels()).containsExactly(0, 9, 255, 3);
    assertThat(IdxReader.readLabels(write(dir, "l.gz", gzip(labels(7, 1)))).labels()).containsExactly(7, 1);
  }

  @Test
  void recordsHashAndSizeOfTheStoredBytes() throws Exception {
    byte[] stored = gzip(labels(1, 2, 3));
    Path file = write(dir, "labels.gz", stored);

    IdxLabels read = IdxReader.readLabels(file);

    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
    assertThat(read.source().location()).isEqualTo(file.toString());
    assertThat(read.source().sha256()).isEqualTo(sha);
    assertThat(read.source().bytes()).isEqualTo(stored.length);
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("train-images-idx3-ubyte.gz");
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": missing: no such file; expected an IDX image file");
  }

  @Test
  void directoryIsRefused() {
    assertThatThrownBy(() -> IdxReader.readLabels(dir))
        .hasMessage(dir + ": is a directory; expected an IDX label file");
  }

  @Test
  void truncatedHeaderSaysHowShort() {
    Path file = write(dir, "short-images", cut(images(1, 28, 28), 10));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": truncated header: the file holds 10 bytes but an IDX image file starts with a 16-byte header");
  }

  @Test
  void truncatedBodySaysWhatWasPromised() {
    Path file = write(dir, "train-images-idx3-ubyte.gz", gzip(cut(images(3, 28, 28), 16 + 1200)));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": truncated: header promises 3 images of 28x28 (2352 bytes) but only 1200 bytes follow");
  }

  @Test
  void truncatedLabelBody() {
    Path file = write(dir, "labels", cut(labels(1, 2, 3, 4), 10));
    assertThatThrownBy(() -> IdxReader.readLabels(file))
        .hasMessage(file + ": truncated: header promises 4 labels (4 bytes) but only 2 bytes follow");
  }

  @Test
  void wrongMagicSaysWhatTheFileIs() {
    Path file = write(dir, "swapped", labels(1, 2, 3));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": wrong magic number 0x00000801 (an IDX label file);"
            + " expected 0x00000803 (an IDX image file)");
  }

  @Test
  void foreignFileIsNotIdx() {
    Path file = write(dir, "picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThatThrownBy(() -> IdxReader.readLabels(file))
        .hasMessage(file + ": wrong magic number 0x89504e47 (not an IDX file); expected 0x00000801 (an IDX label file)");
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] raw = images(2, 2, 2);
    byte[] longer = ByteBuffer.allocate(raw.length + 5).put(raw).array();
    Path file = write(dir, "images.gz", gzip(longer));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": trailing bytes: header promises 2 images of 2x2 (8 bytes) but 5 more bytes follow;"
            + " expected the file to end after the last image");
  }

  @Test
  void zeroDimensionIsABadHeader() {
    Path file = write(dir, "empty", images(1, 0, 28, new byte[0]));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": bad header: row count is 0; expected a count from 1 to 2147483647");
  }

  @Test
  void corruptGzipIsNamed() {
    byte[] packed = gzip(images(4, 28, 28));
    packed[10] = 0x07; // first deflate block: final, reserved block type 3
    Path file = write(dir, "images.gz", packed);
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": corrupt gzip data (invalid block type);"
            + " expected a valid gzip stream (the file is damaged: download it again)");
  }

  @Test
  void gzipChecksumMismatchIsNamed() {
    byte[] packed = gzip(images(4, 28, 28));
    packed[packed.length - 8] ^= 1; // CRC-32 in the trailer
    Path file = write(dir, "images.gz", packed);
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": corrupt gzip data (Corrupt GZIP trailer);"
            + " expected a valid gzip stream (the file is damaged: download it again)");
  }

  @Test
  void truncatedGzipIsNamed() {
    byte[] packed = gzip(images(4, 28, 28));
    Path file = write(dir, "images.gz", cut(packed, packed.length / 2));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .hasMessage(file + ": truncated gzip stream: the " + packed.length / 2 + " stored bytes end before the"
            + " compressed data does; expected a complete file (was the download interrupted?)");
  }

  @Test
  void imageAndLabelCountsMustAgree() throws IOException {
    IdxImages images = IdxReader.readImages(write(dir, "imgs", images(3, 2, 2)));
    IdxLabels labels = IdxReader.readLabels(write(dir, "lbls", labels(1, 2)));
    assertThatThrownBy(() -> images.withLabels(labels))
        .hasMessage(dir.resolve("imgs") + " holds 3 images but " + dir.resolve("lbls")
            + " holds 2 labels; expected one label per image (are the two files from the same split?)");
  }

  @Test
  void pairsImagesWithLabels() throws IOException {
    IdxImages images = IdxReader.readImages(write(dir, "imgs", images(2, 2, 3)));
    var set = images.withLabels(IdxReader.readLabels(write(dir, "lbls", labels(4, 7))));
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.channels()).isEqualTo(1);
    assertThat(set.height()).isEqualTo(2);
    assertThat(set.width()).isEqualTo(3);
    assertThat(set.labels()).containsExactly(4, 7);
  }
}
