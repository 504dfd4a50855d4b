package org.latentlab.experiments;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.latentlab.experiments.plugins.PluginRegistry;
import org.latentlab.experiments.cli.LatentLabCommand;
import picocli.CommandLine;

/** The {@code latentlab} launcher's entry point. */
public final class Main {
  /** The global option naming the third-party plugin folder. */
  public static final String PLUGINS_OPTION = "--plugins";
  /** The system property holding the plugin folder of this launch, for the processes it starts. */
  public static final String PLUGINS_PROPERTY = "latentlab.plugins";

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given streams and returns the exit code: 0 success, 1 a run
   * failed, 2 bad input (usage, descriptor problems).
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // Guice's generated fast classes live in an unnamed module and cannot reach ours on the module
    // path; plain reflection (through the opens clauses of module-info) works everywhere.
    System.setProperty("guice_bytecode_gen_option", "DISABLED");
    PluginRegistry registry;
    try {
      registry = discoverPlugins(args);
    } catch (IOException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    registry.problems().forEach(p -> err.println("warning: " + p));
    Injector injector = Guice.createInjector(new LauncherModule(registry));
    CommandLine cli = new CommandLine(LatentLabCommand.class, commandFactory(injector));
    // "--plugins plugins": a folder may be named like a command.
    cli.setAllowSubcommandsAsOptionParameters(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      if (Boolean.getBoolean("latentlab.debug")) {
        e.printStackTrace(commandLine.getErr());
      }
      return 1;
    });
    return cli.execute(args);
  }

  /**
   * The built-in providers and, with {@code --plugins DIR} (read here, before the command line is
   * parsed, because the commands are built over the registry), the third-party plugins under DIR.
   */
  private static PluginRegistry discoverPlugins(String[] args) throws IOException {
    ClassLoader loader = Main.class.getClassLoader();
    for (int i = 0; i < args.length; i++) {
      String folder = args[i].equals(PLUGINS_OPTION) && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith(PLUGINS_OPTION + "=") ? args[i].substring(PLUGINS_OPTION.length() + 1) : null;
      if (folder != null) {
        // Processes this one starts (sweep runs) load the same plugins.
        System.setProperty(PLUGINS_PROPERTY, Path.of(folder).toAbsolutePath().toString());
        return PluginRegistry.discover(loader, Path.of(folder));
      }
    }
    return PluginRegistry.discover(loader);
  }

  /**
   * Commands come from Guice; everything else picocli instantiates (collections for multi-value
   * options and parameters, converters) comes from picocli's own factory, which knows those types.
   */
  private static CommandLine.IFactory commandFactory(Injector injector) {
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type.getPackageName().startsWith("org.latentlab.") ? injector.getInstance(type) : fallback.create(type);
      }
    };
  }
}
