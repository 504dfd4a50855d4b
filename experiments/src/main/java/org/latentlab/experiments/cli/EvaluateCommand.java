package org.latentlab.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.latentlab.api.spi.Progress;
import org.latentlab.experiments.descriptor.DescriptorBinder;
import org.latentlab.experiments.descriptor.DescriptorException;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.run.ConsoleProgress;
import org.latentlab.experiments.run.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code latentlab evaluate RUN_DIR...}: runs evaluators again on completed runs' final checkpoints
 * (the run's own, or those of {@code --evaluators FILE}), optionally on another backend.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Run evaluators again on completed runs' final state; results replace the run's earlier results"
        + " of the same evaluators and the report is rebuilt."})
public final class EvaluateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Completed run folders.")
  List<Path> runs;

  @Option(names = "--evaluators", paramLabel = "FILE",
      description = "YAML file with an 'evaluators:' list (as in a descriptor) to run instead of the run's own.")
  Path evaluators;

  @Option(names = "--backend", paramLabel = "ID", description = "Evaluate on this backend instead of the run's.")
  String backend;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Spec CommandSpec spec;

  private final DescriptorBinder binder;
  private final ExperimentRunner runner;

  /** The command with its collaborators. */
  @Inject
  public EvaluateCommand(DescriptorBinder binder, ExperimentRunner runner) {
    this.binder = binder;
    this.runner = runner;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    UnaryOperator<ObjectNode> edit = UnaryOperator.identity();
    if (evaluators != null) {
      JsonNode list;
      try {
        list = new YAMLMapper().readTree(evaluators.toFile()).get("evaluators");
      } catch (IOException e) {
        err.println("evaluate: cannot read " + evaluators + ": " + e.getMessage());
        return 2;
      }
      if (list == null || !list.isArray() || list.isEmpty()) {
        err.println("evaluate: " + evaluators + " must hold a non-empty 'evaluators:' list, as a descriptor does");
        return 2;
      }
      edit = doc -> {
        doc.set("evaluators", list.deepCopy());
        return doc;
      };
    }
    Progress progress = quiet ? Progress.none() : new ConsoleProgress(new PrintStream(System.err, true));
    int code = 0;
    for (Path run : runs) {
      Path file = run.resolve("descriptor.yaml");
      if (!Files.isRegularFile(file)) {
        err.println("evaluate: " + run + " is not a run folder (it has no descriptor.yaml)");
        code = 2;
        continue;
      }
      Experiment experiment;
      try {
        experiment = binder.bind(file, Optional.ofNullable(backend), edit);
      } catch (DescriptorException ex) {
        ex.problems().forEach(err::println);
        code = 2;
        continue;
      }
      out.printf("evaluating %s on %s%n", run, experiment.backend().type());
      out.flush();
      try {
        Map<String, Double> metrics = runner.evaluateAgain(experiment, run, progress);
        metrics.forEach((k, v) -> out.printf(Locale.ROOT, "  %-45s %.4f%n", k, v));
        out.println("report: " + run.resolve("report.html"));
      } catch (IOException | RuntimeException e) {
        err.println("evaluate: " + run + ": " + e.getMessage());
        code = Math.max(code, 1);
      }
    }
    return code;
  }
}
