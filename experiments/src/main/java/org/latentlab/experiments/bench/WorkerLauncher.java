package org.latentlab.experiments.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs benchmark workers, each in its own child JVM started like the running one ({@link JvmLaunch}),
 * strictly one after another: two engine JVMs training at once on a small machine slow each other
 * down many times over. A worker's standard output ends with its {@link BenchResult} JSON line.
 */
public final class WorkerLauncher {
  /** Module and main class of the hand-written reference loops (started by name, never linked). */
  static final String REFERENCE_MODULE = "org.latentlab.bench";
  static final String REFERENCE_MAIN = "org.latentlab.bench.ReferenceLoopMain";
  /** Module and main class of the launcher, whose hidden {@code bench-worker} command is the framework case. */
  static final String FRAMEWORK_MODULE = "org.latentlab.experiments";
  static final String FRAMEWORK_MAIN = "org.latentlab.experiments.Main";
  private static final int STDERR_TAIL_LINES = 30;

  private final JvmLaunch launch;
  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  /** A launcher starting workers like {@code launch}. */
  public WorkerLauncher(JvmLaunch launch) {
    this.launch = launch;
  }

  /** The command line of the hand-written loop on {@code backend}. */
  public List<String> referenceCommand(String backend, BenchProtocol protocol, int threads) {
    List<String> args = new ArrayList<>(List.of("--engine", backend));
    args.addAll(protocol.workerArguments());
    args.addAll(List.of("--threads", Integer.toString(threads)));
    return launch.command(REFERENCE_MODULE, REFERENCE_MAIN, args);
  }

  /** The command line of the framework's training path on {@code backend}, for the given descriptor. */
  public List<String> frameworkCommand(Path descriptor, String backend, BenchProtocol protocol, int threads) {
    List<String> args = new ArrayList<>(List.of("bench-worker", "--descriptor", descriptor.toString(), "--backend", backend));
    args.addAll(protocol.workerArguments());
    args.addAll(List.of("--threads", Integer.toString(threads)));
    return launch.command(FRAMEWORK_MODULE, FRAMEWORK_MAIN, args);
  }

  /**
   * Runs {@code command} to completion and returns the result it printed; fails with the tail of its
   * standard error if it exits non-zero or prints no valid result line.
   */
  public BenchResult run(String caseName, String backend, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("latentlab-bench-", ".out");
    Path err = Files.createTempFile("latentlab-bench-", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
      int code = builder.start().waitFor();
      String what = caseName + " worker on " + backend;
      if (code != 0) {
        throw new WorkerFailedException(what + " exited with code " + code, tail(err));
      }
      String line = lastJsonLine(out);
      if (line == null) {
        throw new WorkerFailedException(what + " printed no result line", tail(err));
      }
      BenchResult result;
      try {
        result = json.readValue(line, BenchResult.class);
      } catch (JsonProcessingException e) {
        throw new WorkerFailedException(what + " printed an unreadable result (" + e.getOriginalMessage() + "): " + line,
            tail(err));
      }
      if (!result.caseName().equals(caseName) || !result.backend().equals(backend)) {
        throw new WorkerFailedException(what + " reported case '" + result.caseName() + "' on '" + result.backend()
            + "'", tail(err));
      }
      return result;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String lastJsonLine(Path out) throws IOException {
    List<String> lines = lines(out);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("{")) {
        return lines.get(i);
      }
    }
    return null;
  }

  private static String tail(Path err) throws IOException {
    List<String> lines = lines(err);
    return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
  }

  /** The lines of a worker's output; bytes that are not UTF-8 (native logs) become replacement characters. */
  private static List<String> lines(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
  }
}
