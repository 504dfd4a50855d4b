package org.latentlab.experiments.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code latentlab} command; its subcommands do the work. */
@Command(name = "latentlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Run unsupervised, self-supervised and generative learning experiments.",
    subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, ReportCommand.class,
        CompareCommand.class, EvaluateCommand.class, BenchCommand.class, BenchWorkerCommand.class})
public final class LatentLabCommand {
  /** Read by {@code Main} before parsing; declared here for help and validation. */
  @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Load third-party plugins: every sub-folder of DIR is one plugin (its jars, isolated).")
  Path plugins;
}
