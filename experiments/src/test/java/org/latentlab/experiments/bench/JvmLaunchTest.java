package org.latentlab.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmLaunchTest {

  @Test
  void onTheModulePathStartsTheMainModuleWithTheSamePathsAndOptions() {
    JvmLaunch launch = new JvmLaunch("/jdk/bin/java", List.of("-Xmx8g", "--add-modules=ALL-MODULE-PATH"),
        "/lib/a.jar:/lib/b.jar", "/lib/native.jar");

    assertThat(launch.command("org.latentlab.bench", "org.latentlab.bench.ReferenceLoopMain", List.of("--engine", "djl")))
        .containsExactly("/jdk/bin/java", "-Xmx8g", "--add-modules=ALL-MODULE-PATH", "--module-path",
            "/lib/a.jar:/lib/b.jar", "--class-path", "/lib/native.jar", "--module",
            "org.latentlab.bench/org.latentlab.bench.ReferenceLoopMain", "--engine", "djl");
  }

  @Test
  void onTheClassPathStartsTheMainClass() {
    JvmLaunch launch = new JvmLaunch("java", List.of("-Xmx4g"), "", "/cp/all.jar");

    assertThat(launch.command("org.latentlab.experiments", "org.latentlab.experiments.Main", List.of("bench-worker")))
        .containsExactly("java", "-Xmx4g", "-cp", "/cp/all.jar", "org.latentlab.experiments.Main", "bench-worker");
  }

  @Test
  void theRunningJvmLeavesOutAgentsAndItsOwnPaths() {
    JvmLaunch current = JvmLaunch.current();

    assertThat(current.java()).endsWith("java");
    assertThat(current.jvmOptions()).noneMatch(o -> o.startsWith("-javaagent:") || o.startsWith("-agentlib:")
        || o.startsWith("--module-path") || o.startsWith("-Djava.class.path="));
    assertThat(current.classPath()).isNotEmpty();
  }
}
