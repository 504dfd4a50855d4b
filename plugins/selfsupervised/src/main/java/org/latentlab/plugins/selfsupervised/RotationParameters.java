package org.latentlab.plugins.selfsupervised;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of rotation prediction ({@link RotationPrediction}).
 *
 * @param channels     the shared encoder's block widths (default 32, 64, 128; see {@link ConvEncoder})
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record RotationParameters(List<Integer> channels, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public RotationParameters {
    channels = channels == null ? EncoderChecks.DEFAULT_CHANNELS : List.copyOf(channels);
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    EncoderChecks.channels(problems, channels);
    EncoderChecks.learningRate(problems, learningRate);
  }
}
