package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the clustering evaluator.
 *
 * @param k           clusters (default: absent, the number of classes)
 * @param restarts    k-means++ restarts; the one of least inertia is kept (default 5)
 * @param iterations  most Lloyd iterations per restart (default 100)
 * @param standardise standardise code units (with test-split statistics) before clustering (default
 *                    true: units have arbitrary scales); raw pixels are never standardised
 * @param baselines   automatic baselines to cluster too: {@code raw-pixels}, {@code random-encoder}
 *                    (default {@code raw-pixels})
 */
public record ClusteringParameters(Integer k, Integer restarts, Integer iterations, Boolean standardise,
    List<String> baselines) implements Parameters {

  /** Fills in defaults for absent fields ({@code k} stays absent: the number of classes). */
  public ClusteringParameters {
    restarts = restarts == null ? 5 : restarts;
    iterations = iterations == null ? 100 : iterations;
    standardise = standardise == null || standardise;
    baselines = baselines == null ? List.of("raw-pixels") : List.copyOf(baselines);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(k == null || k > 1, "k", k, "must be > 1 (or absent: the number of classes)");
    problems.require(restarts > 0, "restarts", restarts, "must be > 0");
    problems.require(iterations > 0, "iterations", iterations, "must be > 0");
    problems.require(LinearProbeParameters.KNOWN_BASELINES.containsAll(baselines),
        "baselines", baselines, "may only contain " + LinearProbeParameters.KNOWN_BASELINES);
  }
}
