package org.latentlab.experiments.cli;

import jakarta.inject.Inject;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentlab.api.spi.Progress;
import org.latentlab.experiments.descriptor.DescriptorBinder;
import org.latentlab.experiments.descriptor.DescriptorException;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.run.ConsoleProgress;
import org.latentlab.experiments.run.ExperimentRunner;
import org.latentlab.experiments.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latentlab run FILE}: validates, trains, evaluates and writes a run folder with its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Train and evaluate the experiment; writes runs/<name>/<run-id>/ with report.html.")
public final class RunCommand implements Callable<Integer> {
  @Mixin DescriptorOptions descriptor;
  @Spec CommandSpec spec;

  @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
      description = "Folder that holds run folders (default: ${DEFAULT-VALUE}).")
  Path runsRoot;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  private final DescriptorBinder binder;
  private final ExperimentRunner runner;

  /** The command with its collaborators. */
  @Inject
  public RunCommand(DescriptorBinder binder, ExperimentRunner runner) {
    this.binder = binder;
    this.runner = runner;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Experiment experiment;
    try {
      experiment = binder.bind(descriptor.file, descriptor.backendOverride());
    } catch (DescriptorException ex) {
      ex.problems().forEach(err::println);
      return 2;
    }
    Progress progress = quiet ? Progress.none() : new ConsoleProgress(new PrintStream(System.err, true));
    out.printf("running %s: %s on %s, backend %s, seed %d%n", experiment.name(), experiment.model().type(),
        experiment.dataset().type(), experiment.backend().type(), experiment.seed());
    out.flush();
    RunResult result = runner.run(experiment, runsRoot, progress);
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
