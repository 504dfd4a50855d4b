package org.latentlab.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.latentlab.experiments.bench.BenchProtocol;
import org.latentlab.experiments.bench.BenchReport;
import org.latentlab.experiments.bench.BenchResult;
import org.latentlab.experiments.bench.JvmLaunch;
import org.latentlab.experiments.bench.WorkerFailedException;
import org.latentlab.experiments.bench.WorkerLauncher;
import org.latentlab.experiments.descriptor.DescriptorBinder;
import org.latentlab.experiments.descriptor.DescriptorException;
import org.latentlab.experiments.plugins.PluginKind;
import org.latentlab.experiments.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latentlab bench}: measures the framework's overhead. For each backend it trains the
 * quickstart model through the framework and with a hand-written loop on the same engine, each in
 * its own JVM, one after another, and prints images/s, step time, start-up time and peak memory with
 * the framework-to-reference speed ratio, as a table and as JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure the framework's overhead: train the quickstart model for a fixed number of steps on each"
        + " backend through the framework and with a hand-written loop on the same engine (each in its own JVM, one"
        + " after another); print images/s (median of the timed runs), step time, start-up time and peak memory as"
        + " a table and as JSON.", "Run it on an otherwise idle machine: anything else running distorts the figures."})
public final class BenchCommand implements Callable<Integer> {
  /** Backends that have a hand-written reference loop in the bench module. */
  static final List<String> REFERENCE_BACKENDS = List.of("djl", "tensorflow");

  @Option(names = "--steps", defaultValue = "30", paramLabel = "S", description = "Steps per timed run (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--runs", defaultValue = "5", paramLabel = "R", description = "Timed runs; the median is reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "K",
      description = "Rounds per backend, each one reference and one framework JVM, alternating, so a drifting machine"
          + " speed hits both cases alike; the timed runs of all rounds are pooled (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--warmup", defaultValue = "20", paramLabel = "W", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--batch", defaultValue = "128", paramLabel = "N", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "Intra-op threads of every engine (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--backends", split = ",", paramLabel = "ID[,ID...]",
      description = "Backends to measure (default: every installed backend with a reference loop: djl, tensorflow).")
  String[] backends;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
  Path jsonFile;

  @Option(names = "--descriptor", defaultValue = "experiments/catalog/quickstart.yaml", paramLabel = "FILE",
      description = "The quickstart descriptor (default: ${DEFAULT-VALUE}); the reference loops hard-wire its model.")
  Path descriptor;

  @Spec CommandSpec spec;
  private final DescriptorBinder binder;
  private final PluginRegistry registry;

  /** The command with its collaborators. */
  @Inject
  public BenchCommand(DescriptorBinder binder, PluginRegistry registry) {
    this.binder = binder;
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchProtocol protocol;
    List<String> chosen;
    try {
      protocol = new BenchProtocol(batch, warmup, runs, steps);
      chosen = chosenBackends();
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be >= 1 (was " + threads + ")");
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be >= 1 (was " + rounds + ")");
      }
      binder.bind(descriptor, Optional.empty());
    } catch (IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      return 2;
    } catch (DescriptorException e) {
      e.problems().forEach(err::println);
      return 2;
    }
    WorkerLauncher launcher = new WorkerLauncher(JvmLaunch.current());
    Path file = descriptor.toAbsolutePath().normalize();
    List<BenchResult> results = new ArrayList<>();
    try {
      for (String backend : chosen) {
        List<BenchResult> reference = new ArrayList<>();
        List<BenchResult> framework = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          reference.add(measure(err, launcher, BenchResult.REFERENCE, backend,
              launcher.referenceCommand(backend, protocol, threads)));
          framework.add(measure(err, launcher, BenchResult.FRAMEWORK, backend,
              launcher.frameworkCommand(file, backend, protocol, threads)));
        }
        results.add(BenchResult.merge(reference));
        results.add(BenchResult.merge(framework));
      }
    } catch (WorkerFailedException e) {
      err.println("bench: " + e.getMessage() + "; its standard error ends with:");
      err.println(e.stderrTail());
      return 1;
    }
    BenchReport report = new BenchReport(protocol, rounds, threads, results);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String document = json.writeValueAsString(report.json(json));
    out.print(report.table());
    out.println(document);
    if (jsonFile != null) {
      Path parent = jsonFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(jsonFile, document + System.lineSeparator());
      out.println("json: " + jsonFile);
    }
    return 0;
  }

  private static BenchResult measure(PrintWriter err, WorkerLauncher launcher, String caseName, String backend,
      List<String> command) throws Exception {
    err.printf(Locale.ROOT, "bench: %s, %s loop...%n", backend, caseName);
    err.flush();
    BenchResult r = launcher.run(caseName, backend, command);
    err.printf(Locale.ROOT, "bench: %s, %s loop: %.0f images/s, loss %.4f -> %.4f%n", backend, caseName,
        r.imagesPerSecond(), r.firstLoss(), r.lastLoss());
    return r;
  }

  /** The backends asked for, or every installed one with a reference loop; fails on unknown ones. */
  private List<String> chosenBackends() {
    List<String> installed = registry.ids(PluginKind.BACKEND);
    if (backends == null || backends.length == 0) {
      List<String> usable = REFERENCE_BACKENDS.stream().filter(installed::contains).toList();
      if (usable.isEmpty()) {
        throw new IllegalArgumentException("no installed backend has a reference loop; installed: "
            + String.join(", ", installed) + ", with a reference loop: " + String.join(", ", REFERENCE_BACKENDS));
      }
      return usable;
    }
    for (String b : backends) {
      if (!installed.contains(b)) {
        throw new IllegalArgumentException("no backend '" + b + "' installed; installed: " + String.join(", ", installed));
      }
      if (!REFERENCE_BACKENDS.contains(b)) {
        throw new IllegalArgumentException("backend '" + b + "' has no reference loop to compare with; backends with"
            + " one: " + String.join(", ", REFERENCE_BACKENDS));
      }
    }
    return List.copyOf(new LinkedHashSet<>(List.of(backends)));
  }
}
