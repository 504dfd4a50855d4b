package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonWriterTest {
  @TempDir Path dir;

  /** A minimal run: a record, a loss curve and one evaluation metric. */
  private static Path run(Path folder, double accuracy) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("provenance.json"), "{\"name\":\"x\",\"status\":\"completed\"}");
    StringBuilder m = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      m.append(String.format(Locale.ROOT, "{\"type\":\"train\",\"iteration\":%d,\"step\":\"autoencoder\","
          + "\"losses\":{\"loss\":%f}}%n", i, 1.0 / i));
    }
    m.append(String.format(Locale.ROOT, "{\"type\":\"evaluation\",\"metrics\":{\"probe/accuracy\":%f}}%n", accuracy));
    Files.writeString(folder.resolve("metrics.jsonl"), m.toString());
    ImageGrids.writePng(ImageGridsTest.grayGrid(), folder.resolve("samples/reconstructions.png"));
    return folder;
  }

  @Test
  void runsAndSweepPointsSideBySide() throws Exception {
    Path single = run(dir.resolve("quickstart/20261128-090000-s1"), 0.5);
    Path sweep = dir.resolve("quickstart/sweep-20261128-100000");
    run(sweep.resolve("latentDim-8/a-s1"), 0.8);
    run(sweep.resolve("latentDim-8/b-s2"), 0.9);
    run(sweep.resolve("latentDim-16/a-s1"), 0.7);

    Path page = ComparisonWriter.write(List.of(single, sweep), dir.resolve("out/compare.html"));
    String html = Files.readString(page);
    assertThat(html).contains("quickstart/20261128-090000-s1").contains("sweep-20261128-100000/latentDim-8")
        .contains("sweep-20261128-100000/latentDim-16");
    // latentDim-8: mean 0.85, sample std sqrt(0.005) = 0.0707
    assertThat(html).contains("0.8500 &plusmn; 0.0707").contains("0.5000").contains("0.7000");
    assertThat(html.split("data:image/png;base64,", -1)).as("one chart and four sample grids").hasSize(1 + 1 + 4);
    assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http");
  }

  @Test
  void groupsAreRankedByAMetricsMeanBestFirst() throws Exception {
    Path sweep = dir.resolve("family/sweep-20261128-100000");
    run(sweep.resolve("rotation/a-s1"), 0.90);
    run(sweep.resolve("rotation/b-s2"), 0.94);
    run(sweep.resolve("contrastive/a-s1"), 0.97);
    run(sweep.resolve("plain-ae/a-s1"), 0.93);
    String best = Files.readString(ComparisonWriter.write(List.of(sweep), dir.resolve("best.html"),
        Optional.of(new ComparisonWriter.Ranking("probe/accuracy", false))));
    String ranking = best.substring(best.indexOf("<h2>Ranking by probe/accuracy</h2>"), best.indexOf("<h2>Metrics</h2>"));
    assertThat(ranking).containsSubsequence("<td>1</td><td>sweep-20261128-100000/contrastive</td><td>1</td><td>0.9700",
        "<td>2</td><td>sweep-20261128-100000/plain-ae", "<td>3</td><td>sweep-20261128-100000/rotation</td><td>2</td>"
            + "<td>0.9200 &plusmn; 0.0283");
    String lowest = Files.readString(ComparisonWriter.write(List.of(sweep), dir.resolve("low.html"),
        Optional.of(new ComparisonWriter.Ranking("probe/accuracy", true))));
    assertThat(lowest).containsSubsequence("<td>1</td><td>sweep-20261128-100000/rotation", "<td>3</td><td>sweep-20261128-100000/contrastive");
    assertThatThrownBy(() -> ComparisonWriter.write(List.of(sweep), dir.resolve("x.html"),
        Optional.of(new ComparisonWriter.Ranking("knn/accuracy", false))))
        .hasMessageContaining("no run has the metric 'knn/accuracy'").hasMessageContaining("probe/accuracy");
  }

  @Test
  void evaluatorChartsOfEachGroupsFirstRunStandSideBySide() throws Exception {
    Path sweep = dir.resolve("adv/sweep-20261128-100000");
    for (String point : List.of("standard", "pgd")) {
      Path run = run(sweep.resolve(point + "/a-s1"), 0.9);
      run(sweep.resolve(point + "/b-s2"), 0.8);
      ImageGrids.writePng(ImageGridsTest.grayGrid(), run.resolve("figures/robustness-curve.png"));
      Files.writeString(run.resolve("evaluations.json"), "[{\"evaluator\":\"adversarial-robustness\",\"figures\":["
          + "{\"name\":\"robustness-curve\",\"title\":\"Accuracy against epsilon\","
          + "\"file\":\"figures/robustness-curve.png\",\"kind\":\"chart\"}]}]");
    }
    String html = Files.readString(ComparisonWriter.write(List.of(sweep), dir.resolve("charts.html")));
    String charts = html.substring(html.indexOf("<h2>Evaluation charts</h2>"), html.indexOf("<h2>Samples</h2>"));
    assertThat(charts).contains("<h3>Accuracy against epsilon</h3>")
        .containsSubsequence("sweep-20261128-100000/pgd a-s1", "sweep-20261128-100000/standard a-s1");
    assertThat(charts.split("data:image/png;base64,", -1)).as("one chart per group").hasSize(1 + 2);
  }

  @Test
  void aFolderWithoutRunsIsAClearError() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ComparisonWriter.write(List.of(empty), dir.resolve("c.html")))
        .hasMessageContaining("not a run or sweep folder").hasMessageContaining(empty.toString());
  }
}
