package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.ImageSet;

/**
 * One checked CIFAR-10 binary batch file: records of 1 label byte ({@code 0..9}) then 3072 pixel
 * bytes, the 32x32 red plane, then green, then blue, each row-major.
 *
 * @param records the file's bytes, a whole number of records
 * @param source  where they were read from
 */
record CifarBatch(byte[] records, DataSource source) {

  /** Bytes per record. */
  static final int RECORD = 1 + 3 * 32 * 32;
  private static final int CLASSES = 10;
  private static final String EXPECTED = "a CIFAR-10 binary batch (records of 1 label byte + 3072 pixel bytes)";

  /** Reads and checks {@code file}: a whole number of records, every label a class index. */
  static CifarBatch read(Path file) throws IOException {
    byte[] stored = IdxReader.readStored(file, EXPECTED);
    if (stored.length == 0) {
      throw new IOException(file + ": empty; expected " + EXPECTED);
    }
    if (stored.length % RECORD != 0) {
      throw new IOException(file + ": truncated: " + stored.length + " bytes are " + stored.length / RECORD
          + " whole " + RECORD + "-byte records and " + stored.length % RECORD + " bytes more; expected "
          + EXPECTED + " (was the download interrupted? is it the binary version, cifar-10-binary.tar.gz?)");
    }
    for (int i = 0; i < stored.length / RECORD; i++) {
      int label = stored[i * RECORD] & 0xff;
      if (label >= CLASSES) {
        throw new IOException(file + ": record " + i + " has label " + label + "; expected a class index 0..9"
            + " (is this CIFAR-100, whose records start with 2 label bytes, or another format?)");
      }
    }
    return new CifarBatch(stored, IdxReader.source(file.toString(), stored));
  }

  /** Number of records. */
  int count() {
    return records.length / RECORD;
  }

  /** The first {@code limit} images of {@code batches} in order, values {@code v / 255}. */
  static ImageSet images(List<CifarBatch> batches, int limit) {
    float[] pixels = new float[limit * (RECORD - 1)];
    int[] labels = new int[limit];
    int n = 0;
    for (CifarBatch batch : batches) {
      for (int i = 0; i < batch.count() && n < limit; i++, n++) {
        labels[n] = batch.records[i * RECORD];
        for (int p = 0; p < RECORD - 1; p++) {
          pixels[n * (RECORD - 1) + p] = (batch.records[i * RECORD + 1 + p] & 0xff) / 255f;
        }
      }
    }
    return new ImageSet(pixels, labels, 3, 32, 32);
  }
}
