package org.latentlab.plugins.selfsupervised;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of context prediction ({@link ContextPrediction}).
 *
 * @param channels     the shared encoder's block widths (default 32, 64, 128; see {@link ConvEncoder})
 * @param hidden       width of the hidden layer on the two patches' joined features (default 256)
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record ContextParameters(List<Integer> channels, Integer hidden, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public ContextParameters {
    channels = channels == null ? EncoderChecks.DEFAULT_CHANNELS : List.copyOf(channels);
    hidden = hidden == null ? 256 : hidden;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    EncoderChecks.channels(problems, channels);
    problems.require(hidden >= 1, "hidden", hidden, "must be >= 1");
    EncoderChecks.learningRate(problems, learningRate);
  }
}
