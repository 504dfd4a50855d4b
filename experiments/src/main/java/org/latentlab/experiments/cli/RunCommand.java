package org.latentlab.experiments.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.latentlab.api.spi.Progress;
import org.latentlab.experiments.descriptor.DescriptorBinder;
import org.latentlab.experiments.descriptor.DescriptorException;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.descriptor.Sweep;
import org.latentlab.experiments.run.ConsoleProgress;
import org.latentlab.experiments.run.ExperimentRunner;
import org.latentlab.experiments.run.LocalSweepExecutorProvider;
import org.latentlab.experiments.run.RunResult;
import org.latentlab.experiments.run.SweepRunner;
import org.latentlab.experiments.run.TrialFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latentlab run FILE}: validates, trains, evaluates and writes a run folder with its report (one
 * per combination for a sweep); {@code latentlab run --resume RUN_DIR} continues a killed run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Train and evaluate the experiment; writes runs/<name>/<run-id>/ with report.html.",
        "With --resume RUN_DIR instead of FILE: continue a killed or failed run from its newest intact checkpoint."})
public final class RunCommand implements Callable<Integer> {
  @Mixin DescriptorOptions descriptor;
  @Spec CommandSpec spec;

  @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
      description = "Folder that holds run folders (default: ${DEFAULT-VALUE}).")
  Path runsRoot;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
      description = "For a sweep (seeds or a grid): runs at once, each in its own process with cores/N engine"
          + " threads (default: ${DEFAULT-VALUE}, in this process).")
  int jobs;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue this run folder's run from its newest intact checkpoint (same descriptor, seed and"
          + " data); it ends with the metrics the run would have had if never stopped.")
  Path resume;

  @Option(names = "--executor", paramLabel = "ID",
      description = "Where a sweep's trials run: local (default: this machine) or slurm (a job array); replaces the"
          + " descriptor's executor type.")
  String executor;

  @Option(names = "--detach", description = "With an executor whose trials outlive the launcher (slurm): return once"
      + " the trials are submitted; `--retry-failed SWEEP_DIR` later writes the summary.")
  boolean detach;

  @Option(names = "--retry-failed", paramLabel = "SWEEP_DIR",
      description = "Resubmit only the trials of this sweep folder that did not succeed (they resume from their"
          + " checkpoints), wait for them and rewrite the summary.")
  Path retryFailed;

  /** Run only this trial (combination) of the sweep FILE, into the sweep folder {@code --into}. */
  @Option(names = "--trial", paramLabel = "K", hidden = true)
  Integer trial;

  /** Engine threads of a trial, where its backend has that parameter. */
  @Option(names = "--threads", paramLabel = "N", hidden = true)
  Integer threads;

  /** Where a trial writes: the sweep folder (its run goes to {@code <point>/<run-id>}); else a run folder's parent. */
  @Option(names = "--into", paramLabel = "DIR", hidden = true)
  Path into;

  private final DescriptorBinder binder;
  private final ExperimentRunner runner;
  private final SweepRunner sweeps;

  /** The command with its collaborators. */
  @Inject
  public RunCommand(DescriptorBinder binder, ExperimentRunner runner, SweepRunner sweeps) {
    this.binder = binder;
    this.runner = runner;
    this.sweeps = sweeps;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (resume != null) {
      return resume(out, err);
    }
    if (retryFailed != null) {
      return retryFailed(out, err);
    }
    if (trial != null) {
      return trial(out, err);
    }
    if (descriptor.file == null) {
      err.println("run: give a descriptor FILE, or --resume RUN_DIR to continue a run");
      return 2;
    }
    Sweep sweep;
    try {
      if (jobs < 1) {
        err.println("--jobs must be >= 1 (was " + jobs + ")");
        return 2;
      }
      sweep = binder.bindAll(descriptor.file, descriptor.backendOverride(), Optional.ofNullable(executor));
    } catch (DescriptorException ex) {
      ex.problems().forEach(err::println);
      return 2;
    }
    Progress progress = progress();
    boolean local = sweep.executor().type().equals(LocalSweepExecutorProvider.ID);
    if (sweep.isSweep() || !local || detach) {
      out.printf("sweep %s: %d runs, %d at once, executor %s%n", sweep.runs().get(0).experiment().name(),
          sweep.runs().size(), Math.min(jobs, sweep.runs().size()), sweep.executor().type());
      SweepRunner.Source source = new SweepRunner.Source(descriptor.file, descriptor.backendOverride(),
          Optional.ofNullable(executor));
      return runSweep(failures -> sweeps.run(sweep, source, runsRoot, jobs, detach,
          jobs > 1 || !local ? Progress.none() : progress, out, failures),
          failed -> failed + " of " + sweep.runs().size() + " runs failed", err);
    }
    Experiment experiment = sweep.runs().get(0).experiment();
    out.printf("running %s: %s on %s, backend %s, seed %d%n", experiment.name(), experiment.model().type(),
        experiment.dataset().type(), experiment.backend().type(), experiment.seed());
    out.flush();
    RunResult result = into != null ? runner.runIn(experiment, into, progress) : runner.run(experiment, runsRoot, progress);
    return finish(result, out, err);
  }

  private Integer retryFailed(PrintWriter out, PrintWriter err) throws Exception {
    if (descriptor.file != null || trial != null) {
      err.println("run --retry-failed: the sweep folder's own record is used; give no FILE or --trial");
      return 2;
    }
    Sweep sweep;
    try {
      SweepRunner.Source source = SweepRunner.sourceOf(retryFailed);
      sweep = binder.bindAll(source.descriptor(), source.backendOverride(), source.executorOverride());
    } catch (IOException e) {
      err.println("run --retry-failed: " + e.getMessage());
      return 2;
    } catch (DescriptorException ex) {
      ex.problems().forEach(err::println);
      return 2;
    }
    return runSweep(failures -> sweeps.retryFailed(retryFailed, sweep, out, failures),
        failed -> failed + " trial(s) failed again", err);
  }

  /** A sweep launch that counts its failed trials. */
  @FunctionalInterface
  private interface SweepLaunch {
    void run(AtomicInteger failures) throws Exception;
  }

  /** Runs the launch; exit code 2 when the sweep was refused, 1 when trials failed, else 0. */
  private static Integer runSweep(SweepLaunch launch, IntFunction<String> failureMessage,
      PrintWriter err) throws Exception {
    AtomicInteger failures = new AtomicInteger();
    try {
      launch.run(failures);
    } catch (IllegalArgumentException e) {
      err.println("sweep: " + e.getMessage());
      return 2;
    }
    if (failures.get() > 0) {
      err.println("sweep: " + failureMessage.apply(failures.get()));
      return 1;
    }
    return 0;
  }

  /**
   * One trial of a sweep, into {@code --into SWEEP_DIR/<point>/}: resumes the trial's run folder there when
   * an earlier attempt left one unfinished (a requeued or retried trial), does nothing when it completed.
   */
  private Integer trial(PrintWriter out, PrintWriter err) throws Exception {
    if (descriptor.file == null || into == null) {
      err.println("run --trial K: give the sweep's descriptor FILE and --into SWEEP_DIR");
      return 2;
    }
    Sweep sweep;
    try {
      sweep = binder.bindAll(descriptor.file, descriptor.backendOverride());
      if (trial < 0 || trial >= sweep.runs().size()) {
        err.println("run --trial: " + descriptor.file + " has trials 0-" + (sweep.runs().size() - 1) + " (was " + trial + ")");
        return 2;
      }
      Experiment bound = sweep.runs().get(trial).experiment();
      if (threads != null && hasThreads(bound)) {
        String backendType = bound.backend().type();
        sweep = binder.bindAll(descriptor.file, descriptor.backendOverride(), Optional.empty(), doc -> {
          ObjectNode backend = doc.get("backend") instanceof ObjectNode b ? b : doc.putObject("backend").put("type", backendType);
          backend.put("threads", threads);
          return doc;
        });
      }
    } catch (DescriptorException ex) {
      ex.problems().forEach(err::println);
      return 2;
    }
    Sweep.Run run = sweep.runs().get(trial);
    Path point = into.resolve(run.point());
    Optional<Path> earlier = TrialFolders.unfinished(point, run.experiment().seed());
    if (TrialFolders.completed(point, run.experiment().seed()).isPresent()) {
      out.printf("trial %d (%s seed %d) already completed in %s%n", trial, run.point(), run.experiment().seed(), point);
      return 0;
    }
    Progress progress = Progress.none();
    if (earlier.isPresent()) {
      out.printf("trial %d: resuming %s%n", trial, earlier.get());
      out.flush();
      Experiment experiment = binder.bind(earlier.get().resolve("descriptor.yaml"), Optional.empty());
      return finish(runner.resume(experiment, earlier.get(), progress, w -> {
        err.println(w);
        err.flush();
      }), out, err);
    }
    out.printf("trial %d: %s seed %d into %s%n", trial, run.point(), run.experiment().seed(), point);
    out.flush();
    return finish(runner.runIn(run.experiment(), point, progress), out, err);
  }

  private static boolean hasThreads(Experiment experiment) {
    Object parameters = experiment.backend().parameters();
    return parameters.getClass().isRecord() && Arrays.stream(parameters.getClass().getRecordComponents())
        .anyMatch(c -> c.getName().equals("threads"));
  }

  private Integer resume(PrintWriter out, PrintWriter err) throws Exception {
    if (descriptor.file != null || descriptor.backend != null || into != null) {
      err.println("run --resume: the run folder's own descriptor is used; give no FILE, --backend or --into");
      return 2;
    }
    Path file = resume.resolve("descriptor.yaml");
    if (!Files.isRegularFile(file)) {
      err.println("run --resume: " + resume + " is not a run folder (it has no descriptor.yaml); give the folder"
          + " of one run, e.g. runs/<name>/<run-id>");
      return 2;
    }
    Experiment experiment;
    try {
      experiment = binder.bind(file, Optional.empty());
    } catch (DescriptorException ex) {
      ex.problems().forEach(err::println);
      return 2;
    }
    out.printf("resuming %s in %s%n", experiment.name(), resume);
    out.flush();
    Progress progress = progress();
    RunResult result;
    try {
      result = runner.resume(experiment, resume, progress, w -> {
        err.println(w);
        err.flush();
      });
    } catch (IOException e) {
      err.println("run --resume: " + e.getMessage());
      return 2;
    }
    return finish(result, out, err);
  }

  private Progress progress() {
    return quiet ? Progress.none() : new ConsoleProgress(new PrintStream(System.err, true));
  }

  private static Integer finish(RunResult result, PrintWriter out, PrintWriter err) {
    result.metrics().forEach((k, v) -> out.printf(Locale.ROOT, "  %-45s %.4f%n", k, v));
    if (!result.completed()) {
      err.println("run failed: " + result.failure());
      err.println("record and report: " + result.directory());
      return 1;
    }
    out.println("report: " + result.directory().resolve("report.html"));
    return 0;
  }
}
