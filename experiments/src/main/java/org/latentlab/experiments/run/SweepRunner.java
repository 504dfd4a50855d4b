package org.latentlab.experiments.run;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Progress;
import org.latentlab.api.spi.SweepExecutor;
import org.latentlab.api.spi.SweepExecutor.TrialOutcome;
import org.latentlab.api.spi.SweepExecutorProvider;
import org.latentlab.api.spi.SweepJob;
import org.latentlab.experiments.Main;
import org.latentlab.experiments.bench.JvmLaunch;
import org.latentlab.experiments.descriptor.Sweep;

/**
 * Runs every combination (trial) of a sweep into {@code runs/<name>/sweep-<time>/<point>/<run-id>/} and
 * writes its {@link SweepSummary}. With the local executor and one job the trials go one after another in
 * this process. Otherwise each trial is a {@code latentlab run FILE --trial K --into SWEEP_DIR} command
 * that the sweep's {@link SweepExecutor} runs (local child processes, {@code cores / N} engine threads each;
 * a Slurm job array), its output in {@code <sweep>/logs/trial-K.log}; the launcher follows the trials,
 * keeps {@code sweep.json} and {@code trials.json} and can resubmit the failed ones
 * ({@link #retryFailed}).
 */
public final class SweepRunner {
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ExperimentRunner runner;
  private final Clock clock;

  /**
   * Where a sweep came from, so its trials can bind it again.
   *
   * @param descriptor       the descriptor file
   * @param backendOverride  {@code --backend}, if given
   * @param executorOverride {@code --executor}, if given
   */
  public record Source(Path descriptor, Optional<String> backendOverride, Optional<String> executorOverride) {}

  /** The source of the sweep in {@code sweepDir}, from its {@code sweep.json}. */
  public static Source sourceOf(Path sweepDir) throws IOException {
    SweepRecord record = SweepRecord.read(sweepDir);
    return new Source(record.descriptor(), record.backendOverride(), record.executorOverride());
  }

  /** A sweep runner over the single-run runner. */
  @Inject
  public SweepRunner(ExperimentRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
  }

  /**
   * Runs the sweep and returns its folder; counts failed trials in {@code failures}. With {@code detach} an
   * executor whose trials outlive the launcher returns once they are submitted.
   *
   * @throws IllegalArgumentException when the executor refuses the trials before anything runs, or cannot detach
   */
  public Path run(Sweep sweep, Source source, Path runsRoot, int jobs, boolean detach, Progress progress,
      PrintWriter out, AtomicInteger failures) throws IOException, InterruptedException {
    String name = sweep.runs().get(0).experiment().name();
    boolean local = sweep.executor().type().equals(LocalSweepExecutorProvider.ID);
    if (local && jobs <= 1 && !detach) {
      Path dir = createSweepDirectory(runsRoot.resolve(name));
      int total = sweep.runs().size();
      int done = 0;
      for (Sweep.Run r : sweep.runs()) {
        RunResult result = runner.runIn(r.experiment(), dir.resolve(r.point()), progress);
        report(out, ++done, total, r.point() + " seed " + r.experiment().seed(),
            result.completed() ? "completed" : "failed (see its run record)", !result.completed(), failures);
      }
      return summarise(dir, out);
    }
    SweepExecutor executor = executor(sweep);
    if (detach && !executor.detachable()) {
      throw new IllegalArgumentException("--detach: the " + sweep.executor().type() + " executor's trials end with the"
          + " launcher; use an executor whose trials outlive it (e.g. --executor slurm)");
    }
    Path dir = nextSweepDirectory(runsRoot.resolve(name));
    int threads = local ? Math.max(1, Runtime.getRuntime().availableProcessors() / jobs) : 0;
    List<SweepRecord.TrialInfo> trials = new ArrayList<>();
    for (int i = 0; i < sweep.runs().size(); i++) {
      Sweep.Run r = sweep.runs().get(i);
      trials.add(new SweepRecord.TrialInfo(i, r.point(), r.experiment().seed(), dir.resolve("logs").resolve("trial-" + i + ".log")));
    }
    SweepRecord record = new SweepRecord(source.descriptor().toAbsolutePath().normalize(), source.backendOverride(),
        source.executorOverride(), jobs, threads, trials, List.of());
    SweepJob job = job(name, dir, record, trials);
    executor.check(job);
    Files.createDirectories(dir);
    return submitAndFollow(executor, job, record, dir, detach, out, failures);
  }

  /**
   * Resubmits the trials of the sweep in {@code dir} that did not succeed (following its newest submission
   * first when its outcome was not recorded, e.g. after {@code --detach}), waits for them and rewrites the
   * summary. Their run folders are resumed from their newest checkpoints.
   */
  public Path retryFailed(Path dir, Sweep sweep, PrintWriter out, AtomicInteger failures)
      throws IOException, InterruptedException {
    SweepRecord record = SweepRecord.read(dir);
    SweepExecutor executor = executor(sweep);
    String name = sweep.runs().get(0).experiment().name();
    Map<Integer, TrialOutcome> outcomes = SweepRecord.readOutcomes(dir);
    if (outcomes.size() < record.trials().size() && !record.submissions().isEmpty()) {
      out.println("sweep: following submission " + last(record.submissions()) + " first");
      SweepJob all = job(name, dir, record, record.trials());
      executor.await(last(record.submissions()), all, o -> { }).forEach(o -> outcomes.put(o.index(), o));
      SweepRecord.writeOutcomes(dir, record.trials(), outcomes);
    }
    List<SweepRecord.TrialInfo> failed = record.trials().stream()
        .filter(t -> outcomes.get(t.index()) == null || !outcomes.get(t.index()).succeeded()).toList();
    if (failed.isEmpty()) {
      out.println("sweep: every trial of " + dir + " succeeded; nothing to retry");
      return summarise(dir, out);
    }
    for (SweepRecord.TrialInfo t : failed) {
      TrialOutcome o = outcomes.get(t.index());
      out.printf(Locale.ROOT, "sweep: trial %d (%s) %s%s, log %s%n", t.index(), t.label(),
          o == null ? "never ran" : o.state(), o == null || o.detail().isEmpty() ? "" : " (" + o.detail() + ")", t.log());
    }
    summarise(dir, out);
    out.printf(Locale.ROOT, "sweep: retrying %d of %d trials: %s%n", failed.size(), record.trials().size(),
        String.join(", ", failed.stream().map(SweepRecord.TrialInfo::label).toList()));
    SweepJob job = job(name, dir, record, failed);
    executor.check(job);
    return submitAndFollow(executor, job, record, dir, false, out, failures);
  }

  private Path submitAndFollow(SweepExecutor executor, SweepJob job, SweepRecord record, Path dir, boolean detach,
      PrintWriter out, AtomicInteger failures) throws IOException, InterruptedException {
    String id = executor.submit(job);
    SweepRecord submitted = record.withSubmission(id);
    submitted.write(dir);
    out.printf(Locale.ROOT, "sweep: submitted %d trial(s) as %s; logs in %s%n", job.trials().size(), id,
        dir.resolve("logs"));
    out.flush();
    if (detach) {
      out.println("sweep: detached; when the trials have ended, `latentlab run --retry-failed " + dir
          + "` writes the summary (and resubmits any failed trial)");
      return dir;
    }
    Map<Integer, TrialOutcome> outcomes = SweepRecord.readOutcomes(dir);
    Map<Integer, SweepRecord.TrialInfo> byIndex = new LinkedHashMap<>();
    record.trials().forEach(t -> byIndex.put(t.index(), t));
    AtomicInteger ended = new AtomicInteger();
    for (TrialOutcome o : executor.await(id, job, o -> {
      if (o.ended()) {
        SweepRecord.TrialInfo t = byIndex.get(o.index());
        report(out, ended.incrementAndGet(), job.trials().size(), t.label(),
            o.succeeded() ? "completed" : o.state() + (o.detail().isEmpty() ? "" : " (" + o.detail() + ")") + ", log "
                + t.log(), !o.succeeded(), failures);
      } else {
        out.printf(Locale.ROOT, "sweep: %s %s%n", byIndex.get(o.index()).label(), o.state());
        out.flush();
      }
    })) {
      outcomes.put(o.index(), o);
    }
    SweepRecord.writeOutcomes(dir, record.trials(), outcomes);
    return summarise(dir, out);
  }

  private Path summarise(Path dir, PrintWriter out) throws IOException {
    out.print(new SweepSummary().write(dir));
    out.println("sweep: " + dir + " (summary.json, summary.md)");
    return dir;
  }

  private static SweepJob job(String name, Path dir, SweepRecord record, List<SweepRecord.TrialInfo> trials) {
    List<SweepJob.Trial> out = new ArrayList<>();
    for (SweepRecord.TrialInfo t : trials) {
      out.add(new SweepJob.Trial(t.index(), t.label(), trialCommand(record, t.index(), dir), t.log()));
    }
    return new SweepJob(name, dir, out, Math.max(1, record.jobs()));
  }

  /** {@code latentlab run FILE --trial K --into DIR} in a JVM like this one. */
  private static List<String> trialCommand(SweepRecord record, int index, Path dir) {
    List<String> arguments = new ArrayList<>();
    String plugins = System.getProperty(Main.PLUGINS_PROPERTY);
    if (plugins != null) {
      arguments.addAll(List.of(Main.PLUGINS_OPTION, plugins));
    }
    arguments.addAll(List.of("run", record.descriptor().toString(), "--trial", Integer.toString(index), "--into",
        dir.toAbsolutePath().toString(), "--quiet"));
    record.backendOverride().ifPresent(b -> arguments.addAll(List.of("--backend", b)));
    if (record.threads() > 0) {
      arguments.addAll(List.of("--threads", Integer.toString(record.threads())));
    }
    return JvmLaunch.current().command("org.latentlab.experiments", "org.latentlab.experiments.Main", arguments);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SweepExecutor executor(Sweep sweep) {
    SweepExecutorProvider provider = (SweepExecutorProvider) sweep.executor().plugin().provider();
    return provider.create((Parameters) sweep.executor().parameters());
  }

  private static String last(List<String> values) {
    return values.get(values.size() - 1);
  }

  private static synchronized void report(PrintWriter out, int index, int total, String label, String state,
      boolean failed, AtomicInteger failures) {
    if (failed) {
      failures.incrementAndGet();
    }
    out.printf(Locale.ROOT, "sweep: [%d/%d] %s: %s%n", index, total, label, state);
    out.flush();
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

  /** A sweep folder name not taken yet (created once the executor has accepted the trials). */
  private Path nextSweepDirectory(Path parent) {
    String base = "sweep-" + ID.format(clock.instant());
    for (int attempt = 1; ; attempt++) {
      Path dir = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
      if (!Files.exists(dir)) {
        return dir;
      }
    }
  }
}
