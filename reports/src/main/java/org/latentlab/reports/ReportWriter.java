package org.latentlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a run folder into {@code report.html}: one self-contained page (inline CSS, images as data URIs,
 * no scripts, no network) with the run status, evaluation metrics, loss curves, samples, evaluation
 * tables and figures, provenance and the descriptor. Missing optional files leave their section out or
 * say that nothing was recorded.
 */
public final class ReportWriter {

  /** The report's file name inside the run folder. */
  public static final String REPORT_FILE = "report.html";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path runDir;
  private final StringBuilder html = new StringBuilder(1 << 16);

  private ReportWriter(Path runDir) {
    this.runDir = runDir;
  }

  /** Writes {@code runDir/report.html} atomically and returns its path. */
  public static Path write(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) {
      throw new IOException("not a run folder: " + runDir);
    }
    Path target = runDir.resolve(REPORT_FILE);
    AtomicFiles.write(target, new ReportWriter(runDir).build().getBytes(StandardCharsets.UTF_8));
    return target;
  }

  private String build() throws IOException {
    JsonNode provenance = readJson("provenance.json");
    JsonNode evaluations = readJson("evaluations.json");
    MetricsLog metrics = MetricsLog.read(runDir.resolve("metrics.jsonl"), JSON);

    String name = text(provenance, "name", String.valueOf(runDir.getFileName()));
    String run = text(provenance, "run", String.valueOf(runDir.getFileName()));
    String status = text(provenance, "status", "unknown");

    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(Html.esc(name)).append(" &middot; ").append(Html.esc(run))
        .append("</title><style>").append(ReportStyle.CSS).append("</style></head><body>\n");
    header(provenance, name, run, status);
    metricCards(metrics, evaluations);
    training(metrics);
    samples();
    evaluation(evaluations);
    section("Provenance", provenance.isMissingNode()
        ? "<p class=\"none\">No provenance.json in this run folder.</p>"
        : "<div class=\"scroll\">" + JsonHtml.render(provenance) + "</div>");
    descriptor();
    html.append("</body></html>\n");
    return html.toString();
  }

  private void header(JsonNode provenance, String name, String run, String status) {
    String badge = switch (status.toLowerCase(Locale.ROOT)) {
      case "completed" -> "ok";
      case "failed" -> "bad";
      case "running" -> "busy";
      default -> "other";
    };
    html.append("<header><h1>").append(Html.esc(name))
        .append(" <span class=\"badge ").append(badge).append("\">").append(Html.esc(status))
        .append("</span></h1><p class=\"meta\">run <code>").append(Html.esc(run)).append("</code>");
    JsonNode engine = provenance.path("backend").path("engine");
    if (engine.isValueNode()) {
      html.append(" &middot; ").append(Html.esc(engine.asText()));
    }
    JsonNode duration = provenance.path("durationSeconds");
    if (duration.isNumber()) {
      html.append(" &middot; ").append(String.format(Locale.ROOT, "%.1f s", duration.asDouble()));
    }
    JsonNode seed = provenance.path("seed");
    if (seed.isValueNode()) {
      html.append(" &middot; seed ").append(Html.esc(seed.asText()));
    }
    html.append("</p>");
    JsonNode failure = provenance.path("failure");
    if (failure.isValueNode() && !failure.isNull() && !failure.asText().isBlank()) {
      html.append("<div class=\"failure\"><strong>Run failed</strong><pre>")
          .append(Html.esc(failure.asText())).append("</pre></div>");
    } else if (badge.equals("bad")) {
      html.append("<div class=\"failure\"><strong>Run failed</strong> (no failure message recorded)</div>");
    }
    html.append("</header>\n");
  }

  private void metricCards(MetricsLog metrics, JsonNode evaluations) {
    Map<String, Double> values = new LinkedHashMap<>(metrics.evaluationMetrics());
    for (JsonNode evaluation : evaluations) {
      MetricsLog.putNumbers(evaluation.get("metrics"), values);
    }
    if (values.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("<div class=\"cards\">");
    values.forEach((key, value) -> sb.append("<div class=\"card\"><div class=\"value\">")
        .append(Html.esc(Html.number(value))).append("</div><div class=\"label\">")
        .append(Html.esc(key)).append("</div></div>"));
    section("Metrics", sb.append("</div>").toString());
  }

  private void training(MetricsLog metrics) throws IOException {
    List<LossCurveChart> charts = metrics.charts();
    if (charts.isEmpty()) {
      section("Training", "<p class=\"none\">No training metrics recorded.</p>");
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (LossCurveChart chart : charts) {
      List<String> notes = new ArrayList<>();
      if (chart.smoothingWindow() > 1) {
        notes.add("moving average over " + chart.smoothingWindow() + " points, raw values faint");
      }
      if (chart.logScale()) {
        notes.add("log scale");
      }
      sb.append("<figure>").append(Html.img(chart.png(), "loss curves: " + chart.step(), "chart"))
          .append("<figcaption>").append(Html.esc(chart.step()))
          .append(notes.isEmpty() ? "" : Html.esc(" (" + String.join("; ", notes) + ")"))
          .append("</figcaption></figure>");
    }
    section("Training", sb.toString());
  }

  private void samples() throws IOException {
    List<Path> files = pngs(runDir.resolve("samples"));
    if (files.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("<div class=\"gallery\">");
    for (Path file : files) {
      String caption = file.getFileName().toString();
      sb.append("<figure>").append(Html.pixelImg(Files.readAllBytes(file), caption))
          .append("<figcaption>").append(Html.esc(caption)).append("</figcaption></figure>");
    }
    section("Samples", sb.append("</div>").toString());
  }

  private void evaluation(JsonNode evaluations) throws IOException {
    StringBuilder sb = new StringBuilder();
    Set<Path> shown = new HashSet<>();
    for (JsonNode evaluation : evaluations) {
      sb.append("<h3>").append(Html.esc(evaluation.path("evaluator").asText("evaluation"))).append("</h3>");
      for (JsonNode table : evaluation.path("tables")) {
        table(sb, table);
      }
      for (JsonNode figure : evaluation.path("figures")) {
        figure(sb, figure, shown);
      }
    }
    List<Path> others = new ArrayList<>();
    for (Path file : pngs(runDir.resolve("figures"))) {
      if (!shown.contains(file.toAbsolutePath().normalize())) {
        others.add(file);
      }
    }
    if (!others.isEmpty()) {
      sb.append("<h3>Other figures</h3><div class=\"gallery\">");
      for (Path file : others) {
        String caption = file.getFileName().toString();
        sb.append("<figure>").append(Html.pixelImg(Files.readAllBytes(file), caption))
            .append("<figcaption>").append(Html.esc(caption)).append("</figcaption></figure>");
      }
      sb.append("</div>");
    }
    if (sb.length() > 0) {
      section("Evaluation", sb.toString());
    }
  }

  private static void table(StringBuilder sb, JsonNode table) {
    String title = table.path("title").asText("");
    if (!title.isBlank()) {
      sb.append("<h4>").append(Html.esc(title)).append("</h4>");
    }
    sb.append("<div class=\"scroll\"><table class=\"grid\"><tr>");
    for (JsonNode column : table.path("columns")) {
      sb.append("<th>").append(Html.esc(column.asText())).append("</th>");
    }
    sb.append("</tr>");
    for (JsonNode row : table.path("rows")) {
      sb.append("<tr>");
      for (JsonNode cell : row.isArray() ? row : JSON.createArrayNode().add(row)) {
        sb.append("<td>").append(cell.isContainerNode() ? JsonHtml.render(cell) : Html.esc(JsonHtml.scalar(cell)))
            .append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</table></div>");
    String note = table.path("note").asText("");
    if (!note.isBlank()) {
      sb.append("<p class=\"note\">").append(Html.esc(note)).append("</p>");
    }
  }

  private void figure(StringBuilder sb, JsonNode figure, Set<Path> shown) throws IOException {
    String title = figure.path("title").asText(figure.path("name").asText("figure"));
    String caption = figure.path("caption").asText("");
    String file = figure.path("file").asText("");
    sb.append("<figure><div class=\"figtitle\">").append(Html.esc(title)).append("</div>");
    Path root = runDir.toAbsolutePath().normalize();
    Path path = file.isBlank() ? null : root.resolve(file).normalize();
    if (path != null && path.startsWith(root) && Files.isRegularFile(path)
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      shown.add(path);
      byte[] png = Files.readAllBytes(path);
      // a chart (drawn by ChartImages) is shown smoothly at its size; an image grid crisp and zoomed
      sb.append("chart".equals(figure.path("kind").asText()) ? Html.img(png, title, "chart") : Html.pixelImg(png, title));
    } else {
      sb.append("<p class=\"none\">Figure file not available: ").append(Html.esc(file)).append("</p>");
    }
    if (!caption.isBlank()) {
      sb.append("<figcaption>").append(Html.esc(caption)).append("</figcaption>");
    }
    sb.append("</figure>");
  }

  private void descriptor() throws IOException {
    Path file = runDir.resolve("descriptor.yaml");
    if (!Files.isRegularFile(file)) {
      section("Descriptor", "<p class=\"none\">No descriptor.yaml in this run folder.</p>");
      return;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    section("Descriptor", "<details><summary>descriptor.yaml</summary><pre>" + Html.esc(text)
        + "</pre></details>");
  }

  private void section(String title, String body) {
    html.append("<section><h2>").append(Html.esc(title)).append("</h2>").append(body).append("</section>\n");
  }

  private JsonNode readJson(String name) throws IOException {
    Path file = runDir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return MissingNode.getInstance();
    }
    JsonNode node = JSON.readTree(file.toFile());
    return node == null ? MissingNode.getInstance() : node;
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : fallback;
  }

  private static List<Path> pngs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
          .sorted()
          .toList();
    }
  }
}
