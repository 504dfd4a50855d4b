package org.latentlab.api.spi;

/**
 * Something a backend may or may not have. The launcher checks a descriptor's needs against the
 * chosen backend before training and names the backends that have a missing capability.
 *
 * @param id     stable id, e.g. {@code higher-order-gradients}
 * @param detail what it means, for error messages
 */
public record Capability(String id, String detail) {
  /** Gradients of gradients inside a training step (gradient penalties, WGAN-GP). */
  public static final Capability HIGHER_ORDER_GRADIENTS =
      new Capability("higher-order-gradients", "gradients of gradients inside a training step");
  /** Identical results for identical seeds and thread counts. */
  public static final Capability DETERMINISTIC =
      new Capability("deterministic", "bit-identical results for the same seed and thread count");
  /** Runs on a GPU. */
  public static final Capability GPU = new Capability("gpu", "runs kernels on a GPU");
  /** First-order gradients of inference functions with respect to their inputs. */
  public static final Capability INPUT_GRADIENTS =
      new Capability("input-gradients", "gradients of an inference function's output with respect to its inputs");
}
