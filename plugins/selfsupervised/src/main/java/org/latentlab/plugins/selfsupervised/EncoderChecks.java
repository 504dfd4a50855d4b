package org.latentlab.plugins.selfsupervised;

import java.util.List;
import org.latentlab.api.spi.Problems;

/** Checks of the parameters every pretext task shares. */
final class EncoderChecks {
  /** The shared encoder's default blocks. */
  static final List<Integer> DEFAULT_CHANNELS = List.of(32, 64, 128);

  private EncoderChecks() {}

  static void channels(Problems problems, List<Integer> channels) {
    problems.require(!channels.isEmpty() && channels.size() <= 4 && channels.stream().allMatch(c -> c != null && c >= 1
        && c <= 1024), "channels", channels, "must list 1 to 4 block widths, each in [1, 1024] (each block halves the side)");
  }

  static void learningRate(Problems problems, double learningRate) {
    problems.require(learningRate > 0 && learningRate <= 1, "learningRate", learningRate, "must be in (0, 1]");
  }
}
