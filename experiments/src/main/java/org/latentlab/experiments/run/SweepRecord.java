package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.latentlab.api.spi.SweepExecutor.TrialOutcome;

/**
 * What a sweep run through an executor keeps in its folder, so {@code --retry-failed} can pick it up:
 * {@code sweep.json} (the descriptor, the overrides, the executor, the trials and every submission) and
 * {@code trials.json} (the newest outcome of every trial, with its log).
 *
 * @param descriptor       the descriptor file every trial binds
 * @param backendOverride  {@code --backend}, if given
 * @param executorOverride {@code --executor}, if given
 * @param jobs             trials at once
 * @param threads          engine threads per trial ({@code --threads}), 0 for the descriptor's own
 * @param trials           index, label and log of every trial
 * @param submissions      executor submission ids, oldest first
 */
record SweepRecord(Path descriptor, Optional<String> backendOverride, Optional<String> executorOverride, int jobs,
    int threads, List<TrialInfo> trials, List<String> submissions) {
  static final String FILE = "sweep.json";
  static final String OUTCOMES = "trials.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One trial: its index, grid point, seed and log. */
  record TrialInfo(int index, String point, long seed, Path log) {
    String label() {
      return point + " seed " + seed;
    }
  }

  void write(Path sweepDir) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("descriptor", descriptor.toString());
    backendOverride.ifPresent(b -> root.put("backend", b));
    executorOverride.ifPresent(e -> root.put("executor", e));
    root.put("jobs", jobs).put("threads", threads);
    ArrayNode t = root.putArray("trials");
    trials.forEach(i -> t.addObject().put("index", i.index()).put("point", i.point()).put("seed", i.seed())
        .put("log", i.log().toString()));
    ArrayNode s = root.putArray("submissions");
    submissions.forEach(s::add);
    AtomicFiles.write(sweepDir.resolve(FILE), out -> JSON.writeValue(out, root));
  }

  static SweepRecord read(Path sweepDir) throws IOException {
    Path file = sweepDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(sweepDir + " has no " + FILE + ": give the folder of a sweep run through an executor"
          + " (runs/<name>/sweep-<time>)");
    }
    JsonNode root = JSON.readTree(file.toFile());
    List<TrialInfo> trials = new ArrayList<>();
    root.path("trials").forEach(n -> trials.add(new TrialInfo(n.path("index").asInt(), n.path("point").asText(),
        n.path("seed").asLong(), Path.of(n.path("log").asText()))));
    List<String> submissions = new ArrayList<>();
    root.path("submissions").forEach(n -> submissions.add(n.asText()));
    return new SweepRecord(Path.of(root.path("descriptor").asText()), text(root, "backend"), text(root, "executor"),
        root.path("jobs").asInt(1), root.path("threads").asInt(0), trials, submissions);
  }

  private static Optional<String> text(JsonNode root, String field) {
    return root.hasNonNull(field) ? Optional.of(root.get(field).asText()) : Optional.empty();
  }

  SweepRecord withSubmission(String id) {
    List<String> all = new ArrayList<>(submissions);
    all.add(id);
    return new SweepRecord(descriptor, backendOverride, executorOverride, jobs, threads, trials, all);
  }

  /** Writes the outcomes, by trial index. */
  static void writeOutcomes(Path sweepDir, List<TrialInfo> trials, Map<Integer, TrialOutcome> outcomes)
      throws IOException {
    ArrayNode root = JSON.createArrayNode();
    for (TrialInfo info : trials) {
      TrialOutcome o = outcomes.get(info.index());
      if (o != null) {
        root.addObject().put("index", info.index()).put("point", info.point()).put("seed", info.seed())
            .put("state", o.state()).put("succeeded", o.succeeded()).put("detail", o.detail())
            .put("log", info.log().toString());
      }
    }
    AtomicFiles.write(sweepDir.resolve(OUTCOMES), out -> JSON.writeValue(out, root));
  }

  /** The outcomes {@code trials.json} holds, by trial index; empty when there is none. */
  static Map<Integer, TrialOutcome> readOutcomes(Path sweepDir) throws IOException {
    Map<Integer, TrialOutcome> out = new LinkedHashMap<>();
    Path file = sweepDir.resolve(OUTCOMES);
    if (Files.isRegularFile(file)) {
      for (JsonNode n : JSON.readTree(file.toFile())) {
        out.put(n.path("index").asInt(), new TrialOutcome(n.path("index").asInt(), n.path("state").asText(), true,
            n.path("succeeded").asBoolean(), n.path("detail").asText()));
      }
    }
    return out;
  }
}
