package org.latentlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One self-contained HTML page putting runs side by side: a metric table (mean ± standard deviation
 * over the runs of a group), the loss curves of every run overlaid per training step, each evaluator chart
 * (e.g. a robustness curve) of every group's first run next to the others, and each run's sample grid
 * next to the others. Each argument is a run folder (one group of one run) or a sweep
 * folder (one group per grid point, its seeds the group's runs). With a {@link Ranking}, the page opens
 * with the groups ranked by one metric's mean.
 */
public final class ComparisonWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A group of runs compared as one row. */
  private record Group(String label, List<Path> runs) {}

  /**
   * Rank the groups by the mean of {@code metric} over their runs, best first.
   *
   * @param metric        an evaluation metric's name, e.g. {@code linear-probe/accuracy}
   * @param lowerIsBetter whether smaller values rank first (e.g. FID)
   */
  public record Ranking(String metric, boolean lowerIsBetter) {}

  private ComparisonWriter() {}

  /** Writes the comparison of {@code inputs} to {@code target} (atomically) and returns it. */
  public static Path write(List<Path> inputs, Path target) throws IOException {
    return write(inputs, target, Optional.empty());
  }

  /**
   * Writes the comparison of {@code inputs} to {@code target} (atomically), opening with {@code ranking}
   * when given, and returns it.
   *
   * @throws IOException also when no group has the ranking's metric (naming the metrics there are)
   */
  public static Path write(List<Path> inputs, Path target, Optional<Ranking> ranking) throws IOException {
    List<Group> groups = new ArrayList<>();
    for (Path input : inputs) {
      groups.addAll(groupsOf(input));
    }
    if (groups.isEmpty()) {
      throw new IOException("nothing to compare: no run folders in " + inputs);
    }
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Comparison</title>")
        .append("<style>").append(ReportStyle.CSS)
        .append(".side{display:flex;flex-wrap:wrap;gap:16px}.side figure{margin:0}</style></head><body>\n")
        .append("<h1>Comparison</h1><p class=\"meta\">").append(groups.size()).append(" group(s): ")
        .append(Html.esc(String.join(", ", groups.stream().map(Group::label).toList()))).append("</p>\n");
    Map<String, Map<String, List<Double>>> values = evaluationMetrics(groups);
    if (ranking.isPresent()) {
      ranking(html, groups, values, ranking.get());
    }
    metrics(html, groups, values);
    curves(html, groups);
    evaluationCharts(html, groups);
    samples(html, groups);
    html.append("</body></html>\n");
    if (target.toAbsolutePath().getParent() != null) {
      Files.createDirectories(target.toAbsolutePath().getParent());
    }
    AtomicFiles.write(target, html.toString().getBytes(StandardCharsets.UTF_8));
    return target;
  }

  private static List<Group> groupsOf(Path input) throws IOException {
    if (Files.isRegularFile(input.resolve("provenance.json"))) {
      return List.of(new Group(label(input), List.of(input)));
    }
    if (!Files.isDirectory(input)) {
      throw new IOException("not a run or sweep folder: " + input);
    }
    List<Group> out = new ArrayList<>();
    try (Stream<Path> points = Files.list(input)) {
      for (Path point : points.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> runs = Files.list(point)) {
          List<Path> found = runs.filter(r -> Files.isRegularFile(r.resolve("provenance.json"))).sorted().toList();
          if (!found.isEmpty()) {
            out.add(new Group(input.getFileName() + "/" + point.getFileName(), found));
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new IOException("not a run or sweep folder (no provenance.json in it or its sub-folders): " + input);
    }
    return out;
  }

  private static String label(Path run) {
    Path parent = run.toAbsolutePath().getParent();
    return (parent == null ? "" : parent.getFileName() + "/") + run.getFileName();
  }

  /** Per group label, every evaluation metric's values over the group's runs. */
  private static Map<String, Map<String, List<Double>>> evaluationMetrics(List<Group> groups) throws IOException {
    Map<String, Map<String, List<Double>>> byGroup = new LinkedHashMap<>();
    for (Group g : groups) {
      Map<String, List<Double>> values = new LinkedHashMap<>();
      for (Path run : g.runs()) {
        MetricsLog.read(run.resolve("metrics.jsonl"), JSON).evaluationMetrics()
            .forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      }
      byGroup.put(g.label(), values);
    }
    return byGroup;
  }

  private static void ranking(StringBuilder html, List<Group> groups, Map<String, Map<String, List<Double>>> byGroup,
      Ranking ranking) throws IOException {
    List<Group> ranked = groups.stream().filter(g -> byGroup.get(g.label()).containsKey(ranking.metric()))
        .sorted(Comparator.comparingDouble((Group g) -> MeanStd.of(byGroup.get(g.label()).get(ranking.metric())).mean()
            * (ranking.lowerIsBetter() ? 1 : -1)))
        .toList();
    if (ranked.isEmpty()) {
      Set<String> names = new java.util.TreeSet<>();
      byGroup.values().forEach(v -> names.addAll(v.keySet()));
      throw new IOException("no run has the metric '" + ranking.metric() + "' to rank by; metrics there are: "
          + String.join(", ", names));
    }
    html.append("<h2>Ranking by ").append(Html.esc(ranking.metric())).append("</h2>")
        .append("<table><tr><th>rank</th><th>group</th><th>runs</th><th>").append(Html.esc(ranking.metric()))
        .append("</th></tr>");
    for (int i = 0; i < ranked.size(); i++) {
      Group g = ranked.get(i);
      html.append("<tr><td>").append(i + 1).append("</td><td>").append(Html.esc(g.label())).append("</td><td>")
          .append(byGroup.get(g.label()).get(ranking.metric()).size()).append("</td><td>")
          .append(meanStd(byGroup.get(g.label()).get(ranking.metric()))).append("</td></tr>");
    }
    html.append("</table><p class=\"meta\">By the mean over each group's runs, ").append(ranking.lowerIsBetter()
        ? "lowest" : "highest").append(" first; &plusmn; the sample standard deviation.");
    int missing = groups.size() - ranked.size();
    if (missing > 0) {
      html.append(" ").append(missing).append(" group(s) without this metric are left out.");
    }
    html.append("</p>\n");
  }

  private static void metrics(StringBuilder html, List<Group> groups, Map<String, Map<String, List<Double>>> byGroup) {
    Set<String> names = new LinkedHashSet<>();
    byGroup.values().forEach(v -> names.addAll(v.keySet()));
    html.append("<h2>Metrics</h2>");
    if (names.isEmpty()) {
      html.append("<p class=\"none\">No evaluation metrics in these runs.</p>");
      return;
    }
    html.append("<div class=\"scroll\"><table><tr><th>group</th><th>runs</th>");
    names.forEach(n -> html.append("<th>").append(Html.esc(n)).append("</th>"));
    html.append("</tr>");
    for (Group g : groups) {
      Map<String, List<Double>> values = byGroup.get(g.label());
      html.append("<tr><td>").append(Html.esc(g.label())).append("</td><td>").append(g.runs().size()).append("</td>");
      for (String n : names) {
        List<Double> v = values.get(n);
        html.append("<td>").append(v == null ? "&mdash;" : meanStd(v)).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</table></div><p class=\"meta\">Mean &plusmn; sample standard deviation over the runs of a group.</p>");
  }

  private static String meanStd(List<Double> v) {
    MeanStd s = MeanStd.of(v);
    return s.n() == 1 ? Html.number(s.mean()) : Html.number(s.mean()) + " &plusmn; " + Html.number(s.std());
  }

  /** Per training step, the objective's curve of every run in one chart. */
  private static void curves(StringBuilder html, List<Group> groups) throws IOException {
    Map<String, LossCurveChart> overlay = new LinkedHashMap<>();
    for (Group g : groups) {
      for (Path run : g.runs()) {
        String series = g.runs().size() == 1 ? g.label() : g.label() + " " + run.getFileName();
        for (String line : lines(run.resolve("metrics.jsonl"))) {
          JsonNode r = parse(line);
          if (r != null && r.path("type").asText().equals("train") && r.path("losses").path("loss").isNumber()) {
            String step = r.path("step").asText(MetricsLog.DEFAULT_STEP);
            overlay.computeIfAbsent(step, LossCurveChart::new)
                .add(series, r.path("iteration").asDouble(), r.path("losses").path("loss").asDouble());
          }
        }
      }
    }
    html.append("<h2>Training</h2>");
    if (overlay.isEmpty()) {
      html.append("<p class=\"none\">No training losses in these runs.</p>");
    }
    for (LossCurveChart chart : overlay.values()) {
      html.append("<figure>").append(Html.img(chart.png(), "loss of step " + chart.step(), "chart"))
          .append("<figcaption>").append(Html.esc(chart.step())).append(": objective of every run</figcaption></figure>");
    }
  }

  /**
   * The charts evaluators drew ({@code evaluations.json} figures of kind {@code chart}), one row per chart with
   * the first run of every group that has it side by side; nothing when no run has a chart.
   */
  private static void evaluationCharts(StringBuilder html, List<Group> groups) throws IOException {
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, List<String>> figures = new LinkedHashMap<>();
    for (Group g : groups) {
      Path run = g.runs().get(0);
      Path evaluations = run.resolve("evaluations.json");
      if (!Files.isRegularFile(evaluations)) {
        continue;
      }
      for (JsonNode evaluation : JSON.readTree(evaluations.toFile())) {
        for (JsonNode figure : evaluation.path("figures")) {
          Path png = run.resolve(figure.path("file").asText());
          if (figure.path("kind").asText().equals("chart") && Files.isRegularFile(png)) {
            String file = figure.path("file").asText();
            titles.putIfAbsent(file, figure.path("title").asText());
            figures.computeIfAbsent(file, k -> new ArrayList<>()).add("<figure>"
                + Html.img(Files.readAllBytes(png), figure.path("title").asText() + " of " + g.label(), "chart")
                + "<figcaption>" + Html.esc(g.label() + (g.runs().size() == 1 ? "" : " " + run.getFileName()))
                + "</figcaption></figure>");
          }
        }
      }
    }
    if (figures.isEmpty()) {
      return;
    }
    html.append("<h2>Evaluation charts</h2>");
    figures.forEach((file, row) -> html.append("<h3>").append(Html.esc(titles.get(file))).append("</h3><div class=\"side\">")
        .append(String.join("", row)).append("</div>"));
  }

  private static void samples(StringBuilder html, List<Group> groups) throws IOException {
    html.append("<h2>Samples</h2><div class=\"side\">");
    boolean any = false;
    for (Group g : groups) {
      for (Path run : g.runs()) {
        Path png = run.resolve("samples/reconstructions.png");
        if (Files.isRegularFile(png)) {
          any = true;
          html.append("<figure>").append(Html.pixelImg(Files.readAllBytes(png), "samples of " + run.getFileName()))
              .append("<figcaption>").append(Html.esc(g.label() + (g.runs().size() == 1 ? "" : " " + run.getFileName())))
              .append("</figcaption></figure>");
        }
      }
    }
    html.append("</div>");
    if (!any) {
      html.append("<p class=\"none\">No sample grids in these runs.</p>");
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  private static JsonNode parse(String line) {
    try {
      return line.isBlank() ? null : JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }
}
