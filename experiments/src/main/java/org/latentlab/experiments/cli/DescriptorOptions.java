package org.latentlab.experiments.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The descriptor argument and the options that override it, shared by {@code run} and {@code validate}. */
public final class DescriptorOptions {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Experiment descriptor (YAML).")
  Path file;

  @Option(names = "--backend", paramLabel = "ID", description = "Use this backend instead of the descriptor's.")
  String backend;

  Optional<String> backendOverride() {
    return Optional.ofNullable(backend);
  }
}
