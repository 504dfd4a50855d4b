package org.latentlab.api.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.api.tensor.Tensor;

/**
 * What a loss function returns: the scalar objective to minimise and named scalar terms to log
 * (e.g. {@code reconstruction}, {@code kl}). The objective is logged as {@code loss}.
 *
 * @param objective the scalar that is differentiated
 * @param terms     extra scalars to report, in order; may be empty
 */
public record Losses(Tensor objective, Map<String, Tensor> terms) {

  /** Name under which the objective is reported. */
  public static final String OBJECTIVE = "loss";

  /** Keeps the order of the terms. */
  public Losses {
    terms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }

  /** Just an objective. */
  public static Losses of(Tensor objective) {
    return new Losses(objective, Map.of());
  }
}
