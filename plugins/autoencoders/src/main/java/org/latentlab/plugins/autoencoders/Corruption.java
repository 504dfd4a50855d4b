package org.latentlab.plugins.autoencoders;

import java.util.Locale;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * How a denoising autoencoder corrupts its input (Vincent et al. 2008, 2010), drawn with
 * {@code ops.random()} so it is trace-safe and reproducible from the run's seed and step.
 */
public enum Corruption {
  /** Additive isotropic Gaussian noise, {@code clip(x + level * N(0, 1), 0, 1)}: level is the standard deviation. */
  GAUSSIAN {
    @Override
    Tensor apply(Ops ops, Tensor x, float level) {
      return ops.math().clip(ops.math().add(x, ops.math().scale(ops.random().normalLike(x), level)), 0, 1);
    }
  },
  /** Masking noise: each pixel is set to 0 with probability {@code level}, {@code x * [u >= level]}. */
  MASKING {
    @Override
    Tensor apply(Ops ops, Tensor x, float level) {
      Tensor keep = ops.math().greater(ops.random().uniformLike(x), ops.scalar(level));
      return ops.math().mul(x, keep);
    }
  },
  /**
   * Salt-and-pepper noise: each pixel is, with probability {@code level}, replaced by 0 or 1 (each with
   * probability 1/2): {@code x (1 - m) + m s} with {@code m = [u1 < level]}, {@code s = [u2 > 1/2]}.
   */
  SALT_AND_PEPPER {
    @Override
    Tensor apply(Ops ops, Tensor x, float level) {
      Tensor hit = ops.math().greater(ops.scalar(level), ops.random().uniformLike(x));
      Tensor salt = ops.math().greater(ops.random().uniformLike(x), ops.scalar(0.5f));
      Tensor kept = ops.math().mul(x, ops.math().addScalar(ops.math().neg(hit), 1f));
      return ops.math().add(kept, ops.math().mul(hit, salt));
    }
  };

  /** The corrupted copy of {@code x} at noise level {@code level}; identity when {@code level} is 0. */
  abstract Tensor apply(Ops ops, Tensor x, float level);

  /** The descriptor spelling, e.g. {@code salt-and-pepper}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a descriptor value, or null if unknown. */
  static Corruption parse(String id) {
    for (Corruption c : values()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    return null;
  }
}
