package org.latentlab.api.nn;

/** Argument checks shared by the convolution layers. */
final class LayerChecks {
  private LayerChecks() {}

  static void convArguments(String what, int in, int out, int kernel, int stride, int padding) {
    if (in <= 0 || out <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
      throw new IllegalArgumentException(what + ": channels, kernel and stride must be > 0 and padding >= 0"
          + " (in " + in + ", out " + out + ", kernel " + kernel + ", stride " + stride + ", padding " + padding + ")");
    }
  }
}
