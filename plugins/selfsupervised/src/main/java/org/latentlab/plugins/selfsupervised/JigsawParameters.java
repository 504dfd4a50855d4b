package org.latentlab.plugins.selfsupervised;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the jigsaw puzzle ({@link JigsawPuzzle}).
 *
 * @param channels     the shared encoder's block widths (default 32, 64, 128; at most 3 blocks on the 8x8 tiles of
 *                     28x28 images; see {@link ConvEncoder})
 * @param permutations how many tile orders the puzzle is shuffled with, the classes of the task (default 100, as
 *                     the paper's middle set; chosen by {@link JigsawPermutations})
 * @param hidden       width of the hidden layer on the nine tiles' joined features (default 512)
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record JigsawParameters(List<Integer> channels, Integer permutations, Integer hidden, Double learningRate)
    implements Parameters {

  /** Fills in defaults for absent fields. */
  public JigsawParameters {
    channels = channels == null ? EncoderChecks.DEFAULT_CHANNELS : List.copyOf(channels);
    permutations = permutations == null ? 100 : permutations;
    hidden = hidden == null ? 512 : hidden;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    EncoderChecks.channels(problems, channels);
    problems.require(permutations >= 2 && permutations <= JigsawPermutations.MAX_COUNT, "permutations", permutations,
        "must be in [2, " + JigsawPermutations.MAX_COUNT + "]");
    problems.require(hidden >= 1, "hidden", hidden, "must be >= 1");
    EncoderChecks.learningRate(problems, learningRate);
  }
}
