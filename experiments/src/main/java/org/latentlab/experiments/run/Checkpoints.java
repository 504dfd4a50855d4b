package org.latentlab.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;

/**
 * A run's periodic checkpoints, {@code checkpoints/iteration-NNNNNNN.ckpt}: the whole training state
 * (parameters, batch-norm statistics, optimizer slots) in {@link CheckpointFormat}. Only finite states
 * are saved, so every checkpoint on disk is a good one: a state that has gone non-finite stops the run
 * as diverged, naming the last good checkpoint. The two newest are kept (a damaged newest one still
 * leaves the previous).
 */
final class Checkpoints {
  private static final int KEEP = 2;

  private final Path folder;
  private final ComputeSession session;
  private final Deque<Path> written = new ArrayDeque<>();

  Checkpoints(Path folder, ComputeSession session) {
    this.folder = folder;
    this.session = session;
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
    written.addLast(file);
    while (written.size() > KEEP) {
      Files.deleteIfExists(written.removeFirst());
    }
  }

  /** The newest checkpoint saved, if any. */
  Optional<Path> last() {
    return Optional.ofNullable(written.peekLast());
  }
}
