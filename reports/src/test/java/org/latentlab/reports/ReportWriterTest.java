package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static final Pattern IMG_SRC = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]*)\"");
  private static final Pattern SRC_OR_HREF = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

  private static final String PROVENANCE_COMPLETED = """
      {"run":"quickstart/20261128-081500-s42","name":"quickstart","status":"completed","failure":null,
       "descriptor":"/home/me/quickstart.yaml","framework":{"version":"0.1.0"},
       "backend":{"id":"djl","version":"0.1.0","engine":"PyTorch 2.7.1 via DJL 0.36.0"},
       "plugins":[{"id":"mnist-10k","kind":"dataset","version":"0.1.0","origin":"/x/mnist.jar"},
                  {"id":"conv-ae","kind":"model","version":"0.2.0"}],
       "java":{"version":"17.0.12","vendor":"Eclipse Adoptium"},"os":{"name":"Linux","arch":"amd64"},
       "hardware":{"cores":2},"seed":42,
       "data":[{"location":"https://example.org/mnist.gz","sha256":"abc123def","bytes":123456}],
       "start":"2026-11-28T08:15:00Z","end":"2026-11-28T08:16:35Z","durationSeconds":95.2}
      """;

  private static final String EVALUATIONS = """
      [{"evaluator":"linear-probe","metrics":{"linear-probe/accuracy":0.93125,"linear-probe/loss":0.25},
        "tables":[{"title":"Per-class accuracy","columns":["class","accuracy","count"],
                   "rows":[["zero",0.987654,"98"],["seven-<b>",0.9,"103"]],"note":"held-out split"}],
        "figures":[{"name":"confusion","title":"Confusion matrix","file":"figures/confusion.png",
                    "caption":"rows are true classes"},
                   {"name":"gone","title":"Missing figure","file":"figures/gone.png","caption":"absent"}]}]
      """;

  private static final String DESCRIPTOR = "name: quickstart\nnote: \"<script>alert(1)</script>\"\n";

  static void writeCompletedRun(Path run) throws IOException {
    Files.writeString(run.resolve("descriptor.yaml"), DESCRIPTOR);
    Files.writeString(run.resolve("provenance.json"), PROVENANCE_COMPLETED);
    StringBuilder metrics = new StringBuilder();
    for (int i = 1; i <= 150; i++) {
      if (i <= 30) {
        metrics.append(String.format(java.util.Locale.ROOT,
            "{\"type\":\"train\",\"iteration\":%d,\"epoch\":%d,\"step\":\"autoencoder\","
                + "\"losses\":{\"loss\":%f,\"reconstruction-bce\":%f}}%n", i * 10, i / 10, 1.0 / i, 0.9 / i));
      }
      metrics.append(String.format(java.util.Locale.ROOT,
          "{\"type\":\"train\",\"iteration\":%d,\"step\":\"probe\",\"losses\":{\"ce\":%f}}%n", i * 10, 2.0 / i));
    }
    metrics.append("\n{\"type\":\"heartbeat\",\"t\":1}\n");
    metrics.append("{\"type\":\"evaluation\",\"evaluator\":\"knn\",\"metrics\":{\"knn/accuracy\":0.8812345}}\n");
    metrics.append("{\"type\":\"train\",\"iteration\":"); // truncated last line
    Files.writeString(run.resolve("metrics.jsonl"), metrics.toString());
    Files.writeString(run.resolve("evaluations.json"), EVALUATIONS);
    ImageGrids.writePng(ImageGridsTest.grayGrid(), run.resolve("samples/reconstructions.png"));
    ImageGrids.writePng(ImageGridsTest.grayGrid(), run.resolve("figures/confusion.png"));
    ImageGrids.writePng(ImageGridsTest.grayGrid(), run.resolve("figures/extra.png"));
  }

  @Test
  void completedRunReportIsSelfContainedAndComplete(@TempDir Path run) throws Exception {
    writeCompletedRun(run);
    Path report = ReportWriter.write(run);

    assertThat(report).isEqualTo(run.resolve("report.html")).isRegularFile();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertSelfContained(html);

    assertThat(html).contains("quickstart/20261128-081500-s42", "badge ok", ">completed<");
    assertThat(html).doesNotContain("class=\"failure\"");
    // metric cards, 4 decimals, from metrics.jsonl and evaluations.json
    assertThat(html).contains("linear-probe/accuracy", "0.9313", "linear-probe/loss", "0.2500",
        "knn/accuracy", "0.8812");
    // sections
    assertThat(html).contains("<h2>Training</h2>", "<h2>Samples</h2>", "<h2>Evaluation</h2>",
        "<h2>Provenance</h2>", "<h2>Descriptor</h2>");
    // one chart per step; the long one smoothed
    assertThat(html).contains("loss curves: autoencoder", "loss curves: probe",
        "<figcaption>autoencoder</figcaption>", "probe (moving average over 5 points, raw values faint");
    // 35-pixel grids shown 8 times larger, crisp
    assertThat(html).contains("width=\"280\">");
    // samples with file name captions
    assertThat(html).contains("<figcaption>reconstructions.png</figcaption>");
    // evaluation table and note, figures with title and caption
    assertThat(html).contains("Per-class accuracy", "<td>zero</td>", "<td>0.9877</td>", "<td>98</td>",
        "<td>seven-&lt;b&gt;</td>", "held-out split", "Confusion matrix", "rows are true classes",
        "image-rendering:pixelated", "Figure file not available: figures/gone.png",
        "<figcaption>extra.png</figcaption>");
    // provenance values, nested objects and arrays of objects
    assertThat(html).contains("PyTorch 2.7.1 via DJL 0.36.0", "mnist-10k", "conv-ae", "/x/mnist.jar",
        "abc123def", "123456", "Eclipse Adoptium", "<th>cores</th><td>2</td>", "<th>origin</th>");
    // descriptor only escaped
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

    List<String> images = imageSources(html);
    // 2 charts + 1 sample + confusion + extra
    assertThat(images).hasSize(5);
    for (String src : images) {
      byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
      assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
    }
    assertThat(images.stream().map(ReportWriterTest::decode).filter(i -> i.getWidth() == 800
        && i.getHeight() == 360)).hasSize(2);
  }

  @Test
  void failedRunShowsFailureWithoutOptionalFiles(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("provenance.json"), """
        {"run":"vae/20261128-090000-s7","name":"vae","status":"failed",
         "failure":"CUDA out of memory <in step 'encoder'> & more","seed":7}
        """);
    Files.writeString(run.resolve("descriptor.yaml"), "name: vae\n");
    String html = Files.readString(ReportWriter.write(run), StandardCharsets.UTF_8);

    assertSelfContained(html);
    assertThat(html).contains("badge bad", ">failed<", "class=\"failure\"",
        "CUDA out of memory &lt;in step &#39;encoder&#39;&gt; &amp; more", "No training metrics recorded.",
        "vae/20261128-090000-s7");
    assertThat(html).doesNotContain("<h2>Evaluation</h2>", "<h2>Samples</h2>", "<h2>Metrics</h2>", "<img");
  }

  @Test
  void emptyFolderStillGivesAReportAndRewritesAtomically(@TempDir Path run) throws Exception {
    Path first = ReportWriter.write(run);
    Path second = ReportWriter.write(run);
    assertThat(second).isEqualTo(first);
    String html = Files.readString(second, StandardCharsets.UTF_8);
    assertThat(html).contains(run.getFileName().toString(), "badge other", "No provenance.json");
    try (var files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
  }

  private static void assertSelfContained(String html) {
    for (String src : imageSources(html)) {
      assertThat(src).startsWith("data:image/png;base64,");
    }
    Matcher m = SRC_OR_HREF.matcher(html);
    while (m.find()) {
      assertThat(m.group(1)).doesNotContain("http://", "https://");
    }
    assertThat(html).doesNotContain("<script", "<link", "@import", "url(");
  }

  private static List<String> imageSources(String html) {
    List<String> sources = new ArrayList<>();
    Matcher m = IMG_SRC.matcher(html);
    while (m.find()) {
      sources.add(m.group(1));
    }
    assertThat(html.split("<img", -1).length - 1).isEqualTo(sources.size());
    return sources;
  }

  private static java.awt.image.BufferedImage decode(String src) {
    try {
      byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
