package org.latentlab.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the native jar (and with an empty DJL cache) creating the backend fails with a clear message. */
class DjlMissingNativeTest {
  @Test
  void aMissingNativeJarIsReportedClearly(@TempDir Path cache) throws IOException, InterruptedException {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("pytorch-native-cpu"))
        .collect(Collectors.joining(File.pathSeparator));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", classPath, "-Dai.djl.offline=true",
        CreateBackend.class.getName())).redirectErrorStream(true);
    builder.environment().put("DJL_CACHE_DIR", cache.toString());
    builder.environment().put("ENGINE_CACHE_DIR", cache.toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("the djl backend could not load PyTorch").contains("pytorch-native-cpu");
    assertThat(process.exitValue()).isEqualTo(3);
  }

  /** Creates the backend and prints the failure; exit code 3 when it fails as expected. */
  static final class CreateBackend {
    private CreateBackend() {}

    public static void main(String[] args) {
      try {
        new DjlBackendProvider().create(new DjlParameters(null)).close();
        System.out.println("unexpectedly loaded");
      } catch (IllegalStateException e) {
        System.out.println(e.getMessage());
        System.exit(3);
      }
    }
  }
}
