package org.latentlab.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.latentlab.api.params.ParameterKind;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CheckpointFormat;
import org.latentlab.api.train.ComputeSession;

/**
 * Snapshots of the model kept while it trains ({@code training.snapshotEvery}), for evaluators that look at
 * training as it went: {@code checkpoints/snapshots/iteration-NNNNNNN.ckpt}, the parameters and state
 * (batch-norm statistics, weight averages) without the optimizer's slots, in {@link CheckpointFormat}. All
 * are kept; a resumed run rewrites those after its checkpoint with the same values.
 */
final class Snapshots {
  private static final Pattern NAME = Pattern.compile("iteration-(\\d+)\\.ckpt");

  private final Path folder;

  /** The snapshots in {@code folder} (created on the first save). */
  Snapshots(Path folder) {
    this.folder = folder;
  }

  /** The folder of a run's snapshots. */
  static Snapshots of(Path runDir) {
    return new Snapshots(runDir.resolve("checkpoints").resolve("snapshots"));
  }

  /** Saves the model part of {@code session}'s state after {@code iteration}. */
  void save(long iteration, ComputeSession session) throws IOException {
    Map<String, HostTensor> model = new LinkedHashMap<>();
    session.readState().forEach((name, value) -> {
      if (session.store().get(name).kind() != ParameterKind.OPTIMIZER) {
        model.put(name, value);
      }
    });
    Files.createDirectories(folder);
    CheckpointFormat.write(file(iteration), model);
  }

  /** The iterations snapshots were saved after, in order. */
  List<Long> iterations() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> NAME.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Long.parseLong(m.group(1)))
          .sorted()
          .toList();
    }
  }

  /** The state saved after {@code iteration}. */
  Map<String, HostTensor> read(long iteration) throws IOException {
    return CheckpointFormat.read(file(iteration));
  }

  private Path file(long iteration) {
    return folder.resolve(String.format(Locale.ROOT, "iteration-%07d.ckpt", iteration));
  }
}
