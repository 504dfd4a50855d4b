package org.latentlab.plugins.gans;

import java.util.Locale;

/** What the {@link Srgan} generator is trained to minimise. */
enum SuperResolutionLoss {
  /** Pixel MSE alone, no discriminator: the SRResNet baseline of Ledig et al. (2017). */
  MSE,
  /** Pixel MSE + adversarial loss + feature loss in a classifier's features: the SRGAN "perceptual" loss. */
  PERCEPTUAL;

  /** The descriptor spelling, e.g. {@code perceptual}. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a descriptor value, or null if unknown. */
  static SuperResolutionLoss parse(String id) {
    for (SuperResolutionLoss l : values()) {
      if (l.id().equals(id)) {
        return l;
      }
    }
    return null;
  }
}
