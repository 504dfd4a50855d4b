package org.latentlab.experiments.run;

/** Training produced a NaN or infinite loss; the message names the iteration, step and term. */
public final class DivergenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DivergenceException(String message) {
    super(message);
  }
}
