package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run folders a sweep trial left in its grid point's folder ({@code <run-id>-s<seed>[-n]}), so a requeued
 * or retried trial continues its own run instead of starting a second one.
 */
public final class TrialFolders {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrialFolders() {}

  /** The newest run folder of {@code seed} in {@code point} whose run completed. */
  public static Optional<Path> completed(Path point, long seed) throws IOException {
    return newest(point, seed, true);
  }

  /** The newest run folder of {@code seed} in {@code point} whose run did not complete (killed, failed). */
  public static Optional<Path> unfinished(Path point, long seed) throws IOException {
    return newest(point, seed, false);
  }

  private static Optional<Path> newest(Path point, long seed, boolean completed) throws IOException {
    if (!Files.isDirectory(point)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(point)) {
      for (Path run : s.filter(d -> d.getFileName().toString().matches(".*-s" + seed + "(-[0-9]+)?"))
          .filter(d -> Files.isRegularFile(d.resolve("provenance.json")) && Files.isRegularFile(d.resolve("descriptor.yaml")))
          .sorted(java.util.Comparator.reverseOrder()).toList()) {
        boolean done = "completed".equals(JSON.readTree(run.resolve("provenance.json").toFile()).path("status").asText());
        if (done == completed) {
          return Optional.of(run);
        }
      }
    }
    return Optional.empty();
  }
}
