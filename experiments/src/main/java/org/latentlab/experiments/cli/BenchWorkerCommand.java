package org.latentlab.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.latentlab.experiments.bench.BenchProtocol;
import org.latentlab.experiments.bench.BenchResult;
import org.latentlab.experiments.bench.FrameworkWorker;
import org.latentlab.experiments.descriptor.DescriptorBinder;
import org.latentlab.experiments.descriptor.DescriptorException;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.plugins.PluginEntry;
import org.latentlab.experiments.plugins.PluginKind;
import org.latentlab.experiments.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latentlab bench-worker} (hidden; {@code bench} starts it in a child JVM): binds the descriptor
 * with the bench's backend, thread count and batch size, trains it through the framework under the
 * bench protocol and prints one {@link BenchResult} JSON line.
 */
@Command(name = "bench-worker", hidden = true, mixinStandardHelpOptions = true,
    description = "Benchmark worker of 'latentlab bench' (framework case); prints one JSON line.")
public final class BenchWorkerCommand implements Callable<Integer> {
  @Option(names = "--descriptor", required = true, paramLabel = "FILE", description = "Experiment descriptor.")
  Path descriptor;

  @Option(names = "--backend", required = true, paramLabel = "ID", description = "Backend to train on.")
  String backend;

  @Option(names = "--batch", defaultValue = "128", description = "Images per step.")
  int batch;

  @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first.")
  int warmup;

  @Option(names = "--runs", defaultValue = "5", description = "Timed runs.")
  int runs;

  @Option(names = "--steps", defaultValue = "30", description = "Steps per timed run.")
  int steps;

  @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads of the backend.")
  int threads;

  @Spec CommandSpec spec;
  private final DescriptorBinder binder;
  private final PluginRegistry registry;

  /** The command with its collaborators. */
  @Inject
  public BenchWorkerCommand(DescriptorBinder binder, PluginRegistry registry) {
    this.binder = binder;
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Optional<PluginEntry> entry = registry.find(PluginKind.BACKEND, backend);
    if (entry.isEmpty()) {
      err.println("bench-worker: no backend '" + backend + "'; available: "
          + String.join(", ", registry.ids(PluginKind.BACKEND)));
      return 2;
    }
    if (!hasThreadsParameter(entry.get())) {
      err.println("bench-worker: backend '" + backend + "' has no 'threads' parameter, so its thread count cannot be"
          + " matched to the reference loop's");
      return 2;
    }
    BenchProtocol protocol;
    Experiment experiment;
    try {
      protocol = new BenchProtocol(batch, warmup, runs, steps);
      experiment = binder.bind(descriptor, this::benchSettings);
    } catch (IllegalArgumentException e) {
      err.println("bench-worker: " + e.getMessage());
      return 2;
    } catch (DescriptorException e) {
      e.problems().forEach(err::println);
      return 2;
    }
    BenchResult result = FrameworkWorker.measure(experiment, protocol, threads);
    PrintWriter out = spec.commandLine().getOut();
    out.println(new ObjectMapper().writeValueAsString(result));
    out.flush();
    return 0;
  }

  /** The descriptor with the bench's backend (and its thread count) and batch size. */
  private ObjectNode benchSettings(ObjectNode doc) {
    ObjectNode backendNode = doc.putObject("backend");
    backendNode.put("type", backend);
    backendNode.put("threads", threads);
    JsonNode training = doc.get("training");
    ObjectNode trainingNode = training instanceof ObjectNode t ? t : doc.putObject("training");
    trainingNode.put("batchSize", batch);
    return doc;
  }

  private static boolean hasThreadsParameter(PluginEntry backend) {
    RecordComponent[] components = backend.provider().parametersType().getRecordComponents();
    return components != null && Arrays.stream(components).anyMatch(c -> c.getName().equals("threads"));
  }
}
