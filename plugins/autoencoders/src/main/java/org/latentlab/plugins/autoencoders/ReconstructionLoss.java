package org.latentlab.plugins.autoencoders;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/** How an autoencoder scores a reconstruction against its target. */
public enum ReconstructionLoss {
  /**
   * Binary cross-entropy per pixel, {@code -mean(x log p + (1 - x) log(1 - p))}, computed from the
   * decoder's logits for stability. Suits images in [0, 1].
   */
  BCE {
    @Override
    Tensor apply(Ops ops, Tensor logits, Tensor target) {
      return ops.losses().binaryCrossEntropyWithLogits(logits, target);
    }
  },
  /** Mean squared error per pixel, {@code mean((sigmoid(logits) - x)^2)}. */
  MSE {
    @Override
    Tensor apply(Ops ops, Tensor logits, Tensor target) {
      return ops.losses().mse(ops.nn().sigmoid(logits), target);
    }
  };

  abstract Tensor apply(Ops ops, Tensor logits, Tensor target);

  /** The descriptor spelling, e.g. {@code bce}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a descriptor value, or null if unknown. */
  static ReconstructionLoss parse(String id) {
    for (ReconstructionLoss l : values()) {
      if (l.id().equals(id)) {
        return l;
      }
    }
    return null;
  }
}
