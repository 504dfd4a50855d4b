package org.latentlab.experiments.cli;

import picocli.CommandLine.Command;

/** The top-level {@code latentlab} command; its subcommands do the work. */
@Command(name = "latentlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Run unsupervised, self-supervised and generative learning experiments.",
    subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, ReportCommand.class,
        BenchCommand.class, BenchWorkerCommand.class})
public final class LatentLabCommand {}
