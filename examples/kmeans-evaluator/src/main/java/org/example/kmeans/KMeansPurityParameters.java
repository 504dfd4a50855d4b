package org.example.kmeans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the {@code kmeans-purity} evaluator.
 *
 * @param k          number of clusters; absent means the data set's number of classes
 * @param iterations most Lloyd iterations per restart (default 50; a restart stops earlier once no
 *                   assignment changes)
 * @param restarts   k-means++ restarts; the one with the lowest within-cluster sum of squares wins
 *                   (default 3)
 * @param batchSize  images per call of the model's {@code encode} function (default 512)
 */
public record KMeansPurityParameters(Integer k, Integer iterations, Integer restarts, Integer batchSize)
    implements Parameters {

  /** Fills in defaults for absent fields ({@code k} stays absent: it depends on the data set). */
  public KMeansPurityParameters {
    iterations = iterations == null ? 50 : iterations;
    restarts = restarts == null ? 3 : restarts;
    batchSize = batchSize == null ? 512 : batchSize;
  }

  /** Every field at its default. */
  public KMeansPurityParameters() {
    this(null, null, null, null);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(k == null || k >= 2, "k", k, "must be >= 2, or absent for the number of classes");
    problems.require(iterations > 0, "iterations", iterations, "must be > 0");
    problems.require(restarts > 0, "restarts", restarts, "must be > 0");
    problems.require(batchSize > 0, "batchSize", batchSize, "must be > 0");
  }
}
