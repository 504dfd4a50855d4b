package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.latentlab.api.spi.Progress;
import org.latentlab.experiments.Main;
import org.latentlab.experiments.bench.JvmLaunch;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.descriptor.Sweep;

/**
 * Runs every combination of a sweep into {@code runs/<name>/sweep-<time>/<point>/<run-id>/} and writes
 * its {@link SweepSummary}. With one job the runs go one after another in this process; with
 * {@code N > 1} up to N child processes run at once (an engine trains one model per process), each
 * given {@code cores / N} engine threads, with its output in {@code <point>/<run-id-seed>.log}.
 */
public final class SweepRunner {
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ExperimentRunner runner;
  private final Clock clock;

  /** A sweep runner over the single-run runner. */
  @Inject
  public SweepRunner(ExperimentRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
  }

  /** Runs the sweep and returns its folder; counts failed runs in {@code failures}. */
  public Path run(Sweep sweep, Path runsRoot, int jobs, Progress progress, PrintWriter out, AtomicInteger failures)
      throws IOException, InterruptedException {
    String name = sweep.runs().get(0).experiment().name();
    Path dir = createSweepDirectory(runsRoot.resolve(name));
    int total = sweep.runs().size();
    AtomicInteger done = new AtomicInteger();
    if (jobs <= 1) {
      for (Sweep.Run r : sweep.runs()) {
        RunResult result = runner.runIn(r.experiment(), dir.resolve(r.point()), progress);
        report(out, done.incrementAndGet(), total, r, result.completed(), failures);
      }
    } else {
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
      ExecutorService pool = Executors.newFixedThreadPool(jobs);
      try {
        List<Future<?>> pending = new ArrayList<>();
        for (Sweep.Run r : sweep.runs()) {
          pending.add(pool.submit(() -> {
            boolean ok = runChild(r, dir.resolve(r.point()), threads);
            report(out, done.incrementAndGet(), total, r, ok, failures);
            return null;
          }));
        }
        for (Future<?> f : pending) {
          f.get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException("a sweep run could not be started: " + e.getCause().getMessage(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    out.print(new SweepSummary().write(dir));
    out.println("sweep: " + dir + " (summary.json, summary.md)");
    return dir;
  }

  private static synchronized void report(PrintWriter out, int index, int total, Sweep.Run r, boolean ok,
      AtomicInteger failures) {
    if (!ok) {
      failures.incrementAndGet();
    }
    out.printf(Locale.ROOT, "sweep: [%d/%d] %s seed %d: %s%n", index, total, r.point(), r.experiment().seed(),
        ok ? "completed" : "failed (see its run record)");
    out.flush();
  }

  /** One combination in a child JVM running {@code latentlab run}, writing its folder into {@code parent}. */
  private boolean runChild(Sweep.Run r, Path parent, int threads) throws IOException, InterruptedException {
    Files.createDirectories(parent);
    String stem = "seed" + r.experiment().seed();
    Path descriptor = parent.resolve(stem + ".yaml");
    Files.writeString(descriptor, withThreads(r.experiment(), threads));
    List<String> arguments = new ArrayList<>();
    String plugins = System.getProperty(Main.PLUGINS_PROPERTY);
    if (plugins != null) {
      arguments.addAll(List.of(Main.PLUGINS_OPTION, plugins));
    }
    arguments.addAll(List.of("run", descriptor.toString(), "--into", parent.toString(), "--quiet"));
    List<String> command = JvmLaunch.current().command("org.latentlab.experiments", "org.latentlab.experiments.Main",
        arguments);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(parent.resolve(stem + ".log").toFile()).start();
    // A stopped launcher (Ctrl-C, kill) stops its runs too instead of leaving them training unseen.
    Thread stopChild = new Thread(p::destroyForcibly, "stop " + stem);
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      return p.waitFor() == 0;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: nothing to undo
      }
    }
  }

  /** The resolved descriptor, its backend given {@code threads} engine threads where it has that parameter. */
  private static String withThreads(Experiment e, int threads) throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode doc = (ObjectNode) yaml.readTree(e.resolvedYaml());
    Object parameters = e.backend().parameters();
    if (parameters.getClass().isRecord()) {
      for (RecordComponent c : parameters.getClass().getRecordComponents()) {
        if (c.getName().equals("threads") && doc.get("backend") instanceof ObjectNode backend) {
          backend.put("threads", threads);
        }
      }
    }
    return yaml.writeValueAsString(doc);
  }

  private Path createSweepDirectory(Path parent) throws IOException {
    Files.createDirectories(parent);
    String base = "sweep-" + ID.format(clock.instant());
    for (int attempt = 1; ; attempt++) {
      Path dir = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
      try {
        return Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        // another sweep of this experiment started in the same second
      }
    }
  }
}
