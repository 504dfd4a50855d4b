package org.latentlab.experiments.bench;

/** A benchmark worker failed; carries the tail of its standard error. */
public final class WorkerFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String stderrTail;

  /** A failure described by {@code message}, with the worker's last lines of standard error. */
  public WorkerFailedException(String message, String stderrTail) {
    super(message);
    this.stderrTail = stderrTail;
  }

  /** The last lines the worker wrote to standard error. */
  public String stderrTail() {
    return stderrTail;
  }
}
