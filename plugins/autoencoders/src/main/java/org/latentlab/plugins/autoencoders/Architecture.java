package org.latentlab.plugins.autoencoders;

import java.util.Locale;

/** The encoder/decoder body of an autoencoder of this family (see {@link Network}). */
public enum Architecture {
  /** Two stride-2 conv blocks (k4 s2 p1, ReLU) and a dense code; mirrored transposed-conv decoder. */
  CONV,
  /** Flatten, one dense hidden layer (ReLU) and a dense code; mirrored dense decoder. */
  MLP;

  /** The descriptor spelling, e.g. {@code conv}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a descriptor value, or null if unknown. */
  static Architecture parse(String id) {
    for (Architecture a : values()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    return null;
  }
}
