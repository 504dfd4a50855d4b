package org.latentlab.experiments.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.latentlab.experiments.plugins.PluginEntry;
import org.latentlab.experiments.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code latentlab plugins}: every provider with its kind, id, version and origin jar. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List every provider: kind, id, version, description and the jar it came from.")
public final class PluginsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  private final PluginRegistry registry;

  /** The command over {@code registry}. */
  @Inject
  public PluginsCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-13s %-22s %-16s %s%n", "KIND", "ID", "VERSION", "ORIGIN");
    for (PluginEntry e : registry.all()) {
      out.printf("%-13s %-22s %-16s %s%n", e.kind().label(), e.id(), e.version(), e.origin());
      out.printf("%-13s   %s%n", "", e.provider().description());
    }
    for (String problem : registry.problems()) {
      out.println("not loaded: " + problem);
    }
    return 0;
  }
}
