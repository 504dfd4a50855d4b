package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.latentlab.api.data.DataSource;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.descriptor.Section;

/**
 * The run's provenance record ({@code provenance.json}), in the spirit of Tribuo's: what ran
 * (framework, backend and plugin versions with their jars), where (Java, OS, cores), on what (data
 * files with SHA-256), with which seed, when, how it ended, and when it was resumed from which
 * checkpoint. Rewritten atomically at each change.
 */
final class Provenance {
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode root;
  private final Path file;
  private final Instant start;

  private Provenance(Path file, ObjectNode root, Instant start) {
    this.file = file;
    this.root = root;
    this.start = start;
  }

  /**
   * The record of a run to resume: fails if it is missing or unreadable, if the run completed, or if
   * the data files it trained on have changed since (their SHA-256 differs from {@code data}'s).
   */
  static Provenance forResume(Path file, List<DataSource> data) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file.getParent() + " is not a run folder (it has no provenance.json)");
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode node = json.readTree(file.toFile());
    if (!(node instanceof ObjectNode root) || !root.hasNonNull("start")) {
      throw new IOException(file + ": not a LatentLab run record");
    }
    if ("completed".equals(root.path("status").asText())) {
      throw new IOException("run " + root.path("run").asText() + " has completed; there is nothing to resume"
          + " (start a new run instead)");
    }
    for (DataSource d : data) {
      boolean same = false;
      for (JsonNode recorded : root.path("data")) {
        same |= recorded.path("location").asText().equals(d.location())
            && recorded.path("sha256").asText().equals(d.sha256());
      }
      if (!same) {
        throw new IOException("the data file " + d.location() + " differs from the one the run started on"
            + " (SHA-256 recorded in " + file.getFileName() + "); a resumed run must train on the same data");
      }
    }
    return new Provenance(file, root, Instant.parse(root.get("start").asText()));
  }

  Provenance(Path file, String runId, Experiment experiment, String engineVersion, List<DataSource> data,
      Instant start) {
    this.file = file;
    this.start = start;
    this.root = json.createObjectNode();
    root.put("run", experiment.name() + "/" + runId);
    root.put("name", experiment.name());
    root.put("status", "running");
    root.putNull("failure");
    root.put("descriptor", experiment.file().toString());
    root.putObject("framework").put("version", frameworkVersion());
    ObjectNode backend = root.putObject("backend");
    backend.put("id", experiment.backend().type());
    backend.put("version", experiment.backend().plugin().version());
    backend.put("engine", engineVersion);
    ArrayNode plugins = root.putArray("plugins");
    addPlugin(plugins, experiment.backend());
    addPlugin(plugins, experiment.dataset());
    addPlugin(plugins, experiment.model());
    experiment.evaluators().forEach(e -> addPlugin(plugins, e));
    ObjectNode java = root.putObject("java");
    java.put("version", System.getProperty("java.version"));
    java.put("vendor", System.getProperty("java.vendor"));
    java.put("vm", System.getProperty("java.vm.name"));
    ObjectNode os = root.putObject("os");
    os.put("name", System.getProperty("os.name"));
    os.put("arch", System.getProperty("os.arch"));
    os.put("version", System.getProperty("os.version"));
    root.putObject("hardware").put("cores", Runtime.getRuntime().availableProcessors())
        .put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    root.put("seed", experiment.seed());
    ArrayNode files = root.putArray("data");
    for (DataSource d : data) {
      files.addObject().put("location", d.location()).put("sha256", d.sha256()).put("bytes", d.bytes());
    }
    root.put("start", start.toString());
    root.putNull("end");
  }

  private static void addPlugin(ArrayNode plugins, Section s) {
    plugins.addObject()
        .put("id", s.type())
        .put("kind", s.plugin().kind().label())
        .put("version", s.plugin().version())
        .put("origin", s.plugin().origin());
  }

  static String frameworkVersion() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  void save() throws IOException {
    AtomicFiles.write(file, out -> json.writeValue(out, root));
  }

  /**
   * Records that training resumed at {@code at} after {@code iteration} from {@code checkpoint} (a path
   * relative to the run folder, or {@code null} when it restarted from the beginning), with the
   * warnings met on the way (damaged checkpoints passed over).
   */
  void resumed(long iteration, String checkpoint, List<String> warnings, Instant at) throws IOException {
    root.put("status", "running");
    root.putNull("failure");
    root.putNull("end");
    root.remove("durationSeconds");
    ArrayNode resumes = root.has("resumes") ? (ArrayNode) root.get("resumes") : root.putArray("resumes");
    ObjectNode entry = resumes.addObject().put("at", at.toString()).put("afterIteration", iteration);
    if (checkpoint == null) {
      entry.putNull("checkpoint");
    } else {
      entry.put("checkpoint", checkpoint);
    }
    warnings.forEach(entry.putArray("warnings")::add);
    save();
  }

  /** Notes in the record at {@code file} that {@code evaluators} ran again at {@code at} on {@code engine}. */
  static void recordEvaluation(Path file, List<String> evaluators, String engine, Instant at) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode node = json.readTree(file.toFile());
    if (node instanceof ObjectNode root) {
      ArrayNode again = root.has("evaluatedAgain") ? (ArrayNode) root.get("evaluatedAgain") : root.putArray("evaluatedAgain");
      ObjectNode entry = again.addObject().put("at", at.toString()).put("engine", engine);
      evaluators.forEach(entry.putArray("evaluators")::add);
      AtomicFiles.write(file, out -> json.writeValue(out, root));
    }
  }

  void finish(String status, String failure, Instant end) throws IOException {
    root.put("status", status);
    if (failure == null) {
      root.putNull("failure");
    } else {
      root.put("failure", failure);
    }
    root.put("end", end.toString());
    root.put("durationSeconds", Duration.between(start, end).toMillis() / 1000.0);
    save();
  }
}
