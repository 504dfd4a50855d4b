package org.latentlab.bench;

import java.util.Random;

/**
 * The quickstart's convolutional autoencoder, as both reference loops build it: input
 * {@code [n, 1, 28, 28]} in [0, 1]; Conv(1 -> 32, k4 s2 p1) + ReLU, Conv(32 -> 64, k4 s2 p1) + ReLU,
 * flatten, Dense(3136 -> 32); Dense(32 -> 3136) + ReLU, reshape to 64 x 7 x 7, ConvTranspose(64 -> 32,
 * k4 s2 p1) + ReLU, ConvTranspose(32 -> 1, k4 s2 p1) giving logits; loss = mean binary cross-entropy of
 * the logits against the clean input, the encoder seeing the input corrupted by Gaussian noise of std
 * 0.2 and clipped to [0, 1] (a denoising autoencoder); Adam (Kingma &amp; Ba 2015, bias-corrected) with
 * lr 0.003, betas 0.9 / 0.999, epsilon 1e-8. Every layer has a bias. Weights start He-normal (convolutions) or
 * Glorot-normal (dense layers, the last transposed convolution), biases at zero, drawn on the host.
 */
final class QuickstartModel {
  static final int SIDE = 28;
  static final int CHANNELS = 32;
  static final int LATENT = 32;
  /** Side of the innermost feature map (28 / 2 / 2). */
  static final int INNER = 7;
  /** Width of the flattened innermost feature map. */
  static final int FLAT = 2 * CHANNELS * INNER * INNER;
  static final float LEARNING_RATE = 0.003f;
  /** Standard deviation of the input corruption. */
  static final float INPUT_NOISE = 0.2f;
  static final float BETA1 = 0.9f;
  static final float BETA2 = 0.999f;
  static final float EPSILON = 1e-8f;
  /** Seed of the initial weights and of the synthetic data. */
  static final long SEED = 42;

  private QuickstartModel() {}

  /** {@code count} draws from N(0, std^2). */
  static float[] normal(Random random, int count, double std) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = (float) (random.nextGaussian() * std);
    }
    return out;
  }

  /** He-normal standard deviation {@code sqrt(2 / fanIn)}. */
  static double he(int fanIn) {
    return Math.sqrt(2.0 / fanIn);
  }

  /** Glorot-normal standard deviation {@code sqrt(2 / (fanIn + fanOut))}. */
  static double glorot(int fanIn, int fanOut) {
    return Math.sqrt(2.0 / (fanIn + fanOut));
  }
}
