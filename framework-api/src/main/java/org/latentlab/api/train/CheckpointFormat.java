package org.latentlab.api.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.latentlab.api.tensor.HostTensor;

/**
 * The framework's checkpoint format, the same for every backend (so a model trained on one backend
 * can be evaluated on another): magic {@code LLCKPT01}, entry count, then per entry its name (UTF),
 * rank, dimensions and little-endian float32 values, and a CRC-32 of everything before it. Written
 * atomically (a temporary file, fsync, rename); a damaged file fails to load with a message saying so.
 * Runs write their checkpoints in it; plugins may cache trained auxiliary models in it.
 */
public final class CheckpointFormat {
  private static final byte[] MAGIC = {'L', 'L', 'C', 'K', 'P', 'T', '0', '1'};

  private CheckpointFormat() {}

  /** Writes {@code state} to {@code file} atomically. */
  public static void write(Path file, Map<String, HostTensor> state) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (OutputStream raw = Files.newOutputStream(tmp)) {
      CRC32 crc = new CRC32();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
      out.write(MAGIC);
      out.writeInt(state.size());
      for (Map.Entry<String, HostTensor> e : state.entrySet()) {
        HostTensor t = e.getValue();
        out.writeUTF(e.getKey());
        out.writeInt(t.shape().length);
        for (int d : t.shape()) {
          out.writeInt(d);
        }
        ByteBuffer buf = ByteBuffer.allocate(t.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(t.data());
        out.write(buf.array());
      }
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
      raw.flush();
    }
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a checkpoint, verifying its magic and checksum. */
  public static Map<String, HostTensor> read(Path file) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + ": not a LatentLab checkpoint (bad magic)");
      }
      int count = in.readInt();
      Map<String, HostTensor> state = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
          throw new IOException(file + ": corrupt checkpoint (entry '" + name + "' has rank " + rank + ")");
        }
        int[] shape = new int[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
          shape[d] = in.readInt();
          size *= shape[d];
        }
        if (shape.length > 0 && (size < 0 || size > Integer.MAX_VALUE / 4)) {
          throw new IOException(file + ": corrupt checkpoint (entry '" + name + "' has shape " + java.util.Arrays.toString(shape) + ")");
        }
        byte[] bytes = new byte[(int) size * Float.BYTES];
        in.readFully(bytes);
        float[] values = new float[(int) size];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        state.put(name, new HostTensor(values, shape));
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(raw).readLong();
      if (stored != expected) {
        throw new IOException(file + ": corrupt checkpoint (checksum mismatch)");
      }
      return state;
    } catch (EOFException e) {
      throw new IOException(file + ": truncated checkpoint", e);
    }
  }
}
