package org.latentlab.backend.tensorflow;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the TensorFlow backend.
 *
 * @param threads intra-op threads of each session (default 2); results are bit-identical only at a fixed count
 */
public record TfParameters(Integer threads) implements Parameters {
  /** Fills in defaults for absent fields. */
  public TfParameters {
    threads = threads == null ? 2 : threads;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(threads >= 1, "threads", threads, "must be >= 1");
  }
}
