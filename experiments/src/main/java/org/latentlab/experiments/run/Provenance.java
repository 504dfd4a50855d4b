package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
 * files with SHA-256), with which seed, when, and how it ended. Rewritten atomically at each change.
 */
final class Provenance {
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode root = json.createObjectNode();
  private final Path file;
  private final Instant start;

  Provenance(Path file, String runId, Experiment experiment, String engineVersion, List<DataSource> data,
      Instant start) {
    this.file = file;
    this.start = start;
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
