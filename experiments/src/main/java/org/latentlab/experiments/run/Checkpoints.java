package org.latentlab.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CheckpointFormat;
import org.latentlab.api.train.ComputeSession;

/**
 * A run's periodic checkpoints, {@code checkpoints/iteration-NNNNNNN.ckpt}: the whole training state
 * (parameters, batch-norm statistics, optimizer slots) in {@link CheckpointFormat}, written atomically
 * and checksummed. Only finite states are saved, so every checkpoint on disk is a good one: a state
 * that has gone non-finite stops the run as diverged, naming the last good checkpoint. The two newest
 * are kept, so a damaged newest one still leaves the previous one to resume from.
 */
final class Checkpoints {
  private static final int KEEP = 2;
  private static final Pattern NAME = Pattern.compile("iteration-(\\d+)\\.ckpt");

  /**
   * A checkpoint read back.
   *
   * @param iteration the training iterations done when it was saved
   * @param file      its file
   * @param state     the training state it holds
   */
  record Saved(long iteration, Path file, Map<String, HostTensor> state) {}

  private final Path folder;
  private final ComputeSession session;
  private final Deque<Path> written = new ArrayDeque<>();

  /** The checkpoints in {@code folder} of {@code session}'s state, picking up those already on disk. */
  Checkpoints(Path folder, ComputeSession session) throws IOException {
    this.folder = folder;
    this.session = session;
    onDisk().forEach(written::addLast);
  }

  /** Saves the state after {@code iteration}, or fails as diverged if any value is not finite. */
  void save(long iteration) throws IOException {
    Map<String, HostTensor> state = session.readState();
    state.forEach((name, value) -> {
      for (float v : value.data()) {
        if (!Float.isFinite(v)) {
          throw new DivergenceException(String.format(Locale.ROOT,
              "training diverged by iteration %d: '%s' holds %s; lower the learning rate or check the data",
              iteration, name, v));
        }
      }
    });
    Path file = folder.resolve(String.format(Locale.ROOT, "iteration-%07d.ckpt", iteration));
    CheckpointFormat.write(file, state);
    written.remove(file);
    written.addLast(file);
    while (written.size() > KEEP) {
      Files.deleteIfExists(written.removeFirst());
    }
  }

  /** The newest checkpoint saved, if any. */
  Optional<Path> last() {
    return Optional.ofNullable(written.peekLast());
  }

  /**
   * The newest checkpoint that reads back intact. A damaged one (truncated, checksum mismatch) is
   * reported to {@code warnings}, renamed to {@code *.damaged} (kept for inspection, never read again)
   * and the one before it tried.
   */
  Optional<Saved> newestIntact(Consumer<String> warnings) throws IOException {
    while (!written.isEmpty()) {
      Path file = written.peekLast();
      try {
        return Optional.of(new Saved(iteration(file), file, CheckpointFormat.read(file)));
      } catch (IOException e) {
        written.removeLast();
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        warnings.accept("warning: " + e.getMessage() + "; moved it to " + aside.getFileName() + " and "
            + (written.isEmpty() ? "found no older checkpoint" : "falling back to " + written.peekLast().getFileName()));
      }
    }
    return Optional.empty();
  }

  /** The iteration-numbered checkpoint files in the folder, oldest first. */
  private List<Path> onDisk() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
          .sorted((a, b) -> Long.compare(iteration(a), iteration(b)))
          .toList();
    }
  }

  private static long iteration(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(file + " is not a periodic checkpoint");
    }
    return Long.parseLong(m.group(1));
  }
}
