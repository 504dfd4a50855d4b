package org.latentlab.plugins.selfsupervised;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of colorization ({@link Colorization}).
 *
 * @param channels     the shared encoder's block widths (default 32, 64, 128; see {@link ConvEncoder}); the colour
 *                     map is read from the last block's maps
 * @param form         {@code regression} (default: per-cell squared error of the colours) or {@code classification}
 *                     (per-cell softmax over quantised colours, Zhang et al.'s form)
 * @param levels       quantisation levels per RGB channel for {@code classification} (default 3: 27 colours)
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record ColorizationParameters(List<Integer> channels, String form, Integer levels, Double learningRate)
    implements Parameters {
  static final String REGRESSION = "regression";
  static final String CLASSIFICATION = "classification";

  /** Fills in defaults for absent fields. */
  public ColorizationParameters {
    channels = channels == null ? EncoderChecks.DEFAULT_CHANNELS : List.copyOf(channels);
    form = form == null ? REGRESSION : form;
    levels = levels == null ? 3 : levels;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    EncoderChecks.channels(problems, channels);
    problems.require(REGRESSION.equals(form) || CLASSIFICATION.equals(form), "form", form,
        "must be regression or classification");
    problems.require(levels >= 2 && levels <= 8, "levels", levels, "must be in [2, 8]");
    EncoderChecks.learningRate(problems, learningRate);
  }
}
