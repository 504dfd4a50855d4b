package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the kNN probe.
 *
 * @param k           neighbours (default 20, as in DINO's and Wu et al.'s kNN protocols)
 * @param temperature weight {@code exp(s / temperature)} per neighbour of cosine similarity {@code s}
 *                    (default 0.07, as in those protocols); 0 gives a plain unweighted majority vote
 * @param standardise standardise code units with training statistics before the cosine (default true:
 *                    code units have arbitrary offsets and scales, and an offset shared by all codes
 *                    dominates their cosines; measured on a conv AE's 32-d code 0.9525 unstandardised,
 *                    0.9595 standardised); raw pixels are never standardised (they share one scale, and
 *                    standardising lifts near-constant border pixels: 0.945 against 0.913)
 * @param baselines   automatic baselines to probe too: {@code raw-pixels}, {@code random-encoder}
 *                    (default both)
 * @param blocks      also probe the output of each encoder block the model's {@code encode} offers
 *                    ({@code block-1 ...}; default true)
 */
public record KnnProbeParameters(Integer k, Double temperature, Boolean standardise, List<String> baselines,
    Boolean blocks) implements Parameters {

  /** Fills in defaults for absent fields. */
  public KnnProbeParameters {
    k = k == null ? 20 : k;
    temperature = temperature == null ? 0.07 : temperature;
    standardise = standardise == null || standardise;
    baselines = baselines == null ? LinearProbeParameters.KNOWN_BASELINES : List.copyOf(baselines);
    blocks = blocks == null || blocks;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(k > 0, "k", k, "must be > 0");
    problems.require(temperature >= 0, "temperature", temperature, "must be >= 0 (0: unweighted majority vote)");
    problems.require(LinearProbeParameters.KNOWN_BASELINES.containsAll(baselines),
        "baselines", baselines, "may only contain " + LinearProbeParameters.KNOWN_BASELINES);
  }
}
