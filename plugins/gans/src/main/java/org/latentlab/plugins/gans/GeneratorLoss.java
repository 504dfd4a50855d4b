package org.latentlab.plugins.gans;

import java.util.Locale;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * The generator's objective given the discriminator's logits {@code l = D(G(z))} on generated images,
 * with {@code D(x) = sigmoid(l)} the probability that {@code x} is real. Both forms come from Goodfellow
 * et al., "Generative Adversarial Nets" (NeurIPS 2014), and are written with {@code softplus} so that no
 * probability is ever rounded to 0 or 1 before its logarithm: {@code log sigmoid(l) = -softplus(-l)},
 * {@code log(1 - sigmoid(l)) = -softplus(l)}.
 */
public enum GeneratorLoss {
  /**
   * The minimax game's own term: minimise {@code E[log(1 - D(G(z)))] = -E[softplus(l)]}. Its gradient
   * vanishes while the discriminator confidently rejects the samples (early in training).
   */
  MINIMAX {
    @Override
    Tensor apply(Ops ops, Tensor fakeLogits) {
      return ops.math().neg(ops.math().mean(ops.nn().softplus(fakeLogits)));
    }
  },
  /**
   * The heuristic the paper recommends in practice: minimise {@code -E[log D(G(z))] = E[softplus(-l)]}.
   * Same fixed point, strong gradients early in training.
   */
  NON_SATURATING {
    @Override
    Tensor apply(Ops ops, Tensor fakeLogits) {
      return ops.math().mean(ops.nn().softplus(ops.math().neg(fakeLogits)));
    }
  };

  /** The scalar loss for the discriminator's logits on generated images. Trace-safe. */
  abstract Tensor apply(Ops ops, Tensor fakeLogits);

  /** The descriptor spelling, e.g. {@code non-saturating}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a descriptor value, or null if unknown. */
  static GeneratorLoss parse(String id) {
    for (GeneratorLoss l : values()) {
      if (l.id().equals(id)) {
        return l;
      }
    }
    return null;
  }
}
