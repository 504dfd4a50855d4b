package org.latentlab.plugins.datasets;

import java.util.stream.Collectors;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/** Guards {@code load} against parameters that skipped the launcher's validation. */
final class Validation {

  private Validation() {}

  /** Throws an {@link IllegalArgumentException} listing every problem of {@code parameters}. */
  static void requireValid(String providerId, Parameters parameters) {
    Problems problems = new Problems();
    parameters.validate(problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(providerId + " parameters: " + problems.all().stream()
          .map(Problems.Problem::message).collect(Collectors.joining("; ")));
    }
  }
}
