package org.latentlab.experiments.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start another JVM like the running one: same {@code java} executable, same JVM options
 * (heap, system properties, {@code --module-path}, {@code --add-modules}), same class path. On the
 * module path (the {@code latentlab} launcher) a main class is started as {@code --module
 * MODULE/CLASS}; on the plain class path (tests under Surefire) as {@code -cp PATH CLASS}.
 *
 * @param java       the {@code java} executable
 * @param jvmOptions options to pass on (heap, system properties, {@code --add-modules}, ...)
 * @param modulePath the module path, or empty when running on the class path only
 * @param classPath  the class path (may be empty)
 */
public record JvmLaunch(String java, List<String> jvmOptions, String modulePath, String classPath) {
  /**
   * Options not passed on as they are: agents and debuggers (a second one would clash), the parent's
   * main module, and the paths (given again from {@code modulePath} and {@code classPath}).
   */
  private static final List<String> DROPPED = List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp",
      "-Xdebug", "-Djdk.module.main=", "-Djdk.module.path=", "-Djava.class.path=", "--module-path");

  /** Copies the list. */
  public JvmLaunch {
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** The running JVM's launch. */
  public static JvmLaunch current() {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> options = new ArrayList<>();
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (DROPPED.stream().noneMatch(option::startsWith)) {
        options.add(option);
      }
    }
    return new JvmLaunch(java, options, System.getProperty("jdk.module.path", ""),
        System.getProperty("java.class.path", ""));
  }

  /** The command line that runs {@code mainClass} of {@code module} with {@code arguments}. */
  public List<String> command(String module, String mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    if (modulePath.isEmpty()) {
      command.add("-cp");
      command.add(classPath);
      command.add(mainClass);
    } else {
      command.add("--module-path");
      command.add(modulePath);
      if (!classPath.isEmpty()) {
        command.add("--class-path");
        command.add(classPath);
      }
      command.add("--module");
      command.add(module + "/" + mainClass);
    }
    command.addAll(arguments);
    return command;
  }
}
