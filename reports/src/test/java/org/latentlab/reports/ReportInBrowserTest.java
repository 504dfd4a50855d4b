package org.latentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report opened in headless Chromium: the page loads without any network request, every figure
 * renders at a non-zero size, and a screenshot is kept as a test artifact
 * ({@code reports/target/browser/report.png}). Skipped with a reason where no Chromium is installed,
 * unless {@code LATENTLAB_REQUIRE_BROWSER=1} (set by {@code .ci/run}, which installs Debian's
 * {@code chromium}), where a missing browser fails the test.
 */
class ReportInBrowserTest {
  /** Every image's natural and laid-out size, read in the page. */
  private static final String FIGURE_SIZES = """
      JSON.stringify(Array.from(document.images).map(i => ({
        src: i.getAttribute('src').slice(0, 40), naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight,
        width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height})))
      """;

  @TempDir Path dir;

  @Test
  void reportLoadsOfflineAndEveryFigureRenders() throws Exception {
    Optional<Path> chromium = HeadlessChromium.find();
    if (chromium.isEmpty()) {
      if ("1".equals(System.getenv("LATENTLAB_REQUIRE_BROWSER"))) {
        throw new AssertionError("LATENTLAB_REQUIRE_BROWSER=1 but no chromium on the PATH (or LATENTLAB_CHROMIUM)");
      }
      Assumptions.abort("no chromium installed: the report's browser check is skipped (.ci/run installs it)");
    }
    Path run = Files.createDirectories(dir.resolve("run"));
    ReportWriterTest.writeCompletedRun(run);
    Path report = ReportWriter.write(run);
    // The report must not depend on its run folder: open a copy that is alone in its folder.
    Path alone = Files.createDirectories(dir.resolve("alone"));
    Path page = Files.copy(report, alone.resolve("report.html"));

    try (HeadlessChromium browser = HeadlessChromium.start(chromium.get(), dir.resolve("profile"))) {
      browser.call("Network.enable", Map.of());
      browser.call("Page.enable", Map.of());
      browser.call("Page.navigate", Map.of("url", page.toUri().toString()));
      browser.awaitEvent("Page.loadEventFired");

      List<String> fetched = new ArrayList<>();
      for (JsonNode request : browser.events("Network.requestWillBeSent")) {
        String url = request.path("request").path("url").asText();
        String scheme = URI.create(url.length() > 200 ? url.substring(0, url.indexOf(':') + 1) + "x" : url).getScheme();
        if (!"file".equals(scheme) && !"data".equals(scheme)) {
          fetched.add(url);
        }
      }
      assertThat(fetched).as("requests that left the page's own file").isEmpty();

      JsonNode result = browser.call("Runtime.evaluate", Map.of("expression", FIGURE_SIZES, "returnByValue", true));
      JsonNode figures = new ObjectMapper().readTree(result.path("result").path("value").asText());
      assertThat(figures.size()).as("figures in the report").isGreaterThanOrEqualTo(3);
      for (JsonNode f : figures) {
        assertThat(f.path("naturalWidth").asInt()).as("decoded width of %s", f).isPositive();
        assertThat(f.path("naturalHeight").asInt()).as("decoded height of %s", f).isPositive();
        assertThat(f.path("width").asDouble()).as("laid-out width of %s", f).isPositive();
        assertThat(f.path("height").asDouble()).as("laid-out height of %s", f).isPositive();
      }

      JsonNode shot = browser.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
      Path artifact = Path.of("target", "browser", "report.png");
      Files.createDirectories(artifact.getParent());
      Files.write(artifact, Base64.getDecoder().decode(shot.path("data").asText()));
      assertThat(Files.size(artifact)).isGreaterThan(10_000);
    }
  }
}
