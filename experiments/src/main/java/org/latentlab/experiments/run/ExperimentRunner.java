package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluatorProvider;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Progress;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CheckpointFormat;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.SessionFunctions;
import org.latentlab.api.train.Trainer;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.descriptor.Section;
import org.latentlab.reports.ImageGrids;
import org.latentlab.reports.ReportWriter;

/**
 * Runs one bound experiment and writes its run folder {@code <runs>/<name>/<run-id>/}: the resolved
 * descriptor, the provenance record, {@code metrics.jsonl}, the final checkpoint, samples,
 * evaluation results with their figures, and {@code report.html}. The data set is loaded and the
 * model built before the folder is created, so an experiment that cannot start leaves nothing
 * behind; one that fails later is recorded as failed, with its report. A run that was killed (or
 * failed) is {@link #resume resumed} in its own folder from its newest intact checkpoint.
 */
public final class ExperimentRunner {
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final int SAMPLE_COUNT = 16;
  /** Sub-seed for the untrained twin that the random-encoder baseline uses. */
  private static final long UNTRAINED_SEED_OFFSET = 0x9E3779B97F4A7C15L;

  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A runner timing runs with {@code clock}. */
  @Inject
  public ExperimentRunner(Clock clock) {
    this.clock = clock;
  }

  /** Runs {@code experiment}, writing its folder under {@code runsRoot/<name>/}. */
  public RunResult run(Experiment experiment, Path runsRoot, Progress progress) throws IOException {
    return runIn(experiment, runsRoot.resolve(experiment.name()), progress);
  }

  /** Runs {@code experiment}, writing its folder {@code <run-id>} directly in {@code parent}. */
  public RunResult runIn(Experiment experiment, Path parent, Progress progress) throws IOException {
    Dataset data = ExperimentParts.loadData(experiment);
    ParameterStore store = new ParameterStore(experiment.seed());
    Model model = ExperimentParts.createModel(experiment, data, store);
    Instant start = clock.instant();
    try (Backend backend = ExperimentParts.createBackend(experiment)) {
      Path dir = createRunDirectory(parent, start, experiment.seed());
      AtomicFiles.writeString(dir.resolve("descriptor.yaml"), experiment.resolvedYaml());
      Provenance provenance = new Provenance(dir.resolve("provenance.json"), dir.getFileName().toString(),
          experiment, backend.engineVersion(), data.sources(), start);
      provenance.save();
      return execute(experiment, data, store, model, backend, dir, provenance, progress, null);
    }
  }

  /**
   * Continues the run in {@code dir} (bound from its own {@code descriptor.yaml} as
   * {@code experiment}) from its newest intact checkpoint, with the optimizer state, the data order
   * and the random draws where the uninterrupted run had them, so it ends with that run's metrics.
   * Later metric lines are dropped first; damaged checkpoints are passed over with a warning to
   * {@code warnings}. Without any checkpoint, training restarts from the beginning in the same folder.
   * Fails before touching anything if the run completed or its data files changed.
   */
  public RunResult resume(Experiment experiment, Path dir, Progress progress, Consumer<String> warnings)
      throws IOException {
    Dataset data = ExperimentParts.loadData(experiment);
    Provenance provenance = Provenance.forResume(dir.resolve("provenance.json"), data.sources());
    ParameterStore store = new ParameterStore(experiment.seed());
    Model model = ExperimentParts.createModel(experiment, data, store);
    try (Backend backend = ExperimentParts.createBackend(experiment)) {
      return execute(experiment, data, store, model, backend, dir, provenance, progress, resumption -> {
        List<String> met = new ArrayList<>();
        Optional<Checkpoints.Saved> saved = resumption.checkpoints().newestIntact(w -> {
          met.add(w);
          warnings.accept(w);
        });
        long after = saved.map(Checkpoints.Saved::iteration).orElse(0L);
        saved.ifPresent(s -> resumption.session().writeState(s.state()));
        MetricsLog.keepTrainingUpTo(dir.resolve("metrics.jsonl"), after);
        provenance.resumed(after, saved.map(s -> dir.relativize(s.file()).toString()).orElse(null), met,
            clock.instant());
        if (saved.isEmpty()) {
          warnings.accept("warning: " + dir + " has no intact checkpoint; training restarts from the beginning");
        }
        return after;
      });
    }
  }

  /** The session and checkpoints of a run about to resume. */
  private record Resumption(ComputeSession session, Checkpoints checkpoints) {}

  /** Restores a resumed run's state and returns the iteration training continues after. */
  @FunctionalInterface
  private interface Restore {
    long apply(Resumption resumption) throws IOException;
  }

  /** Trains (resuming first when {@code restore} is given), evaluates and writes the rest of the run folder. */
  private RunResult execute(Experiment experiment, Dataset data, ParameterStore store, Model model, Backend backend,
      Path dir, Provenance provenance, Progress progress, Restore restore) throws IOException {
    Map<String, Double> metrics = new LinkedHashMap<>();
    String failure = null;
    Checkpoints checkpoints = null;
    try (ComputeSession session = backend.open(store, experiment.seed())) {
      Trainer trainer = session.trainer(model.program());
      checkpoints = new Checkpoints(dir.resolve("checkpoints"), session);
      long startAfter = restore == null ? 0 : restore.apply(new Resumption(session, checkpoints));
      try (MetricsLog log = new MetricsLog(dir.resolve("metrics.jsonl"))) {
        Snapshots snapshots = Snapshots.of(dir);
        new TrainingLoop(trainer, new SessionFunctions(session), model, data.train(), experiment.training(), experiment.seed(), log,
            progress, checkpoints, it -> snapshots.save(it, session)).run(startAfter);
        CheckpointFormat.write(dir.resolve("checkpoints").resolve("final.ckpt"), session.readState());
        writeSamples(dir, model, session, data.test());
        RunEvaluationContext.LiveModel trained = new RunEvaluationContext.LiveModel(model, session);
        try (RunEvaluationContext context = new RunEvaluationContext(data, trained,
            declare -> twin(experiment, data, backend, declare), snapshots, backend, experiment.seed(), progress)) {
          metrics.putAll(evaluate(experiment, context, log, dir));
        }
      }
    } catch (RuntimeException | IOException e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      if (!(e instanceof DivergenceException)) {
        failure = e.getClass().getSimpleName() + ": " + failure;
      } else {
        failure += checkpoints == null || checkpoints.last().isEmpty()
            ? " (no checkpoint had been saved yet)"
            : " (last good checkpoint: " + dir.relativize(checkpoints.last().get()) + ")";
      }
    }
    provenance.finish(failure == null ? "completed" : "failed", failure, clock.instant());
    ReportWriter.write(dir);
    return new RunResult(dir, failure == null, failure, metrics);
  }

  /**
   * A freshly initialised copy of the experiment's model in a session of its own, with the parameters
   * {@code declare} adds under the root scope.
   */
  private static RunEvaluationContext.LiveModel twin(Experiment experiment, Dataset data, Backend backend,
      Consumer<Scope> declare) {
    long seed = experiment.seed() ^ UNTRAINED_SEED_OFFSET;
    ParameterStore store = new ParameterStore(seed);
    Model model = ExperimentParts.createModel(experiment, data, store);
    declare.accept(Scope.root(store));
    return new RunEvaluationContext.LiveModel(model, backend.open(store, seed));
  }

  /**
   * Runs {@code experiment}'s evaluators again on the final state of the completed run in {@code dir}
   * (on {@code experiment}'s backend, which may differ from the one it trained on): each result
   * replaces the run's earlier result of the same evaluator in {@code evaluations.json}, its metrics are
   * appended to {@code metrics.jsonl}, the record notes it and the report is rebuilt.
   */
  public Map<String, Double> evaluateAgain(Experiment experiment, Path dir, Progress progress) throws IOException {
    Path state = dir.resolve("checkpoints").resolve("final.ckpt");
    if (!Files.isRegularFile(state)) {
      throw new IOException(dir + " has no checkpoints/final.ckpt: only a completed run can be evaluated again");
    }
    Map<String, HostTensor> trainedState = CheckpointFormat.read(state);
    Dataset data = ExperimentParts.loadData(experiment);
    ParameterStore store = new ParameterStore(experiment.seed());
    Model model = ExperimentParts.createModel(experiment, data, store);
    ArrayNode kept = json.createArrayNode();
    Path earlier = dir.resolve("evaluations.json");
    List<String> replaced = experiment.evaluators().stream().map(Section::type).toList();
    if (Files.isRegularFile(earlier)) {
      for (com.fasterxml.jackson.databind.JsonNode node : json.readTree(earlier.toFile())) {
        if (!replaced.contains(node.path("evaluator").asText())) {
          kept.add(node);
        }
      }
    }
    Map<String, Double> metrics;
    try (Backend backend = ExperimentParts.createBackend(experiment);
         ComputeSession session = backend.open(store, experiment.seed());
         MetricsLog log = new MetricsLog(dir.resolve("metrics.jsonl"))) {
      session.trainer(model.program());
      session.writeState(trainedState);
      RunEvaluationContext.LiveModel trained = new RunEvaluationContext.LiveModel(model, session);
      try (RunEvaluationContext context = new RunEvaluationContext(data, trained,
          declare -> twin(experiment, data, backend, declare), Snapshots.of(dir), backend, experiment.seed(), progress)) {
        metrics = evaluate(experiment, context, log, dir, kept);
      }
      Provenance.recordEvaluation(dir.resolve("provenance.json"), replaced, backend.engineVersion(), clock.instant());
    }
    ReportWriter.write(dir);
    return metrics;
  }

  private Map<String, Double> evaluate(Experiment experiment, RunEvaluationContext context, MetricsLog log, Path dir)
      throws IOException {
    return evaluate(experiment, context, log, dir, json.createArrayNode());
  }

  /** Runs the evaluators, adding each result to {@code results} and rewriting evaluations.json after each. */
  private Map<String, Double> evaluate(Experiment experiment, RunEvaluationContext context, MetricsLog log, Path dir,
      ArrayNode results) throws IOException {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Section section : experiment.evaluators()) {
      EvaluatorProvider<Parameters> provider = cast(section.plugin().provider());
      Evaluation evaluation;
      try {
        evaluation = provider.create(section.parameters()).evaluate(context);
      } catch (RuntimeException | IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("evaluator '" + section.type() + "' failed: " + e.getMessage(), e);
      }
      metrics.putAll(evaluation.metrics());
      log.evaluation(section.type(), evaluation.metrics());
      results.add(evaluationNode(section.type(), evaluation, dir));
      AtomicFiles.write(dir.resolve("evaluations.json"), out -> json.writeValue(out, results));
    }
    return metrics;
  }

  private ObjectNode evaluationNode(String evaluator, Evaluation evaluation, Path dir) throws IOException {
    ObjectNode node = json.createObjectNode();
    node.put("evaluator", evaluator);
    ObjectNode m = node.putObject("metrics");
    evaluation.metrics().forEach(m::put);
    ArrayNode tables = node.putArray("tables");
    for (ResultTable t : evaluation.tables()) {
      ObjectNode tn = tables.addObject();
      tn.put("title", t.title());
      tn.set("columns", json.valueToTree(t.columns()));
      tn.set("rows", json.valueToTree(t.rows()));
      tn.put("note", t.note());
    }
    ArrayNode figures = node.putArray("figures");
    for (ImageGrid g : evaluation.figures()) {
      String file = "figures/" + evaluator + "-" + g.name() + ".png";
      ImageGrids.writePng(g, dir.resolve(file));
      figures.addObject().put("name", g.name()).put("title", g.title()).put("file", file).put("caption", g.caption());
    }
    for (org.latentlab.api.spi.Chart c : evaluation.charts()) {
      String file = "figures/" + evaluator + "-" + c.name() + ".png";
      org.latentlab.reports.ChartImages.writePng(c, dir.resolve(file));
      figures.addObject().put("name", c.name()).put("title", c.title()).put("file", file).put("caption", c.caption())
          .put("kind", "chart");
    }
    return node;
  }

  private static void writeSamples(Path dir, Model model, ComputeSession session, ImageSet test) throws IOException {
    if (!model.functions().containsKey(Model.Functions.RECONSTRUCT)) {
      return;
    }
    int n = Math.min(SAMPLE_COUNT, test.size());
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    HostTensor inputs = test.images(idx);
    HostTensor outputs = session.compile(model.functions().get(Model.Functions.RECONSTRUCT))
        .apply(Map.of("x", inputs)).get("x");
    float[] both = new float[inputs.size() * 2];
    System.arraycopy(inputs.data(), 0, both, 0, inputs.size());
    System.arraycopy(outputs.data(), 0, both, inputs.size(), inputs.size());
    int[] shape = inputs.shape().clone();
    shape[0] = 2 * n;
    ImageGrids.writePng(new ImageGrid("reconstructions", "Inputs and reconstructions", new HostTensor(both, shape), n,
        "Top: the first " + n + " test images; bottom: their reconstructions after training."),
        dir.resolve("samples").resolve("reconstructions.png"));
  }

  private static Path createRunDirectory(Path parent, Instant start, long seed) throws IOException {
    Files.createDirectories(parent);
    String base = RUN_ID.format(start) + "-s" + seed;
    for (int attempt = 1; ; attempt++) {
      Path dir = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
      try {
        return Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        // another run started in the same second with the same seed: take the next suffix
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object provider) {
    return (T) provider;
  }
}
