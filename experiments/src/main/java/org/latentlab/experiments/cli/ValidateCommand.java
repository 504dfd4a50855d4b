package org.latentlab.experiments.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.latentlab.experiments.descriptor.DescriptorBinder;
import org.latentlab.experiments.descriptor.DescriptorException;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.descriptor.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code latentlab validate FILE}: checks a descriptor completely without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a descriptor: fields, values, files, backend capabilities. Exit 2 on problems.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin DescriptorOptions descriptor;
  @Spec CommandSpec spec;
  private final DescriptorBinder binder;

  /** The command with its binder. */
  @Inject
  public ValidateCommand(DescriptorBinder binder) {
    this.binder = binder;
  }

  @Override
  public Integer call() {
    if (descriptor.file == null) {
      spec.commandLine().getErr().println("validate: give the descriptor FILE to check");
      return 2;
    }
    try {
      Sweep sweep = binder.bindAll(descriptor.file, descriptor.backendOverride());
      Experiment e = sweep.runs().get(0).experiment();
      spec.commandLine().getOut().printf("%s: valid (%s on %s with %s, %d evaluator(s)%s)%n", e.file(),
          e.model().type(), e.dataset().type(), e.backend().type(), e.evaluators().size(),
          sweep.isSweep() ? ", a sweep of " + sweep.runs().size() + " runs" : "");
      return 0;
    } catch (DescriptorException ex) {
      ex.problems().forEach(spec.commandLine().getErr()::println);
      return 2;
    }
  }
}
