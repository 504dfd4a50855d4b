package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the latent maps.
 *
 * @param points          test images mapped (a class-balanced seeded sample; default 2000)
 * @param tsnePoints      how many of them t-SNE maps, bounding its O(n^2) cost (default 1000)
 * @param perplexity      t-SNE perplexity (default 30)
 * @param tsneIterations  t-SNE gradient steps (default 1000)
 * @param learningRate    t-SNE step size (default 200)
 * @param pcaDimensions   dimensions PCA keeps before t-SNE (default 50)
 * @param neighbours      k of the leave-one-out kNN accuracy measured in each 2-D map (default 5)
 */
public record LatentMapParameters(Integer points, Integer tsnePoints, Double perplexity, Integer tsneIterations,
    Double learningRate, Integer pcaDimensions, Integer neighbours) implements Parameters {

  /** The largest t-SNE sample: its affinity and kernel matrices take 16 n^2 bytes each. */
  static final int MAX_TSNE_POINTS = 10_000;

  /** Fills in defaults for absent fields. */
  public LatentMapParameters {
    points = points == null ? 2000 : points;
    tsnePoints = tsnePoints == null ? 1000 : tsnePoints;
    perplexity = perplexity == null ? 30.0 : perplexity;
    tsneIterations = tsneIterations == null ? 1000 : tsneIterations;
    learningRate = learningRate == null ? 200.0 : learningRate;
    pcaDimensions = pcaDimensions == null ? 50 : pcaDimensions;
    neighbours = neighbours == null ? 5 : neighbours;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(points >= 2, "points", points, "must be >= 2");
    problems.require(tsnePoints >= 0 && tsnePoints <= MAX_TSNE_POINTS, "tsnePoints", tsnePoints,
        "must be in [0, " + MAX_TSNE_POINTS + "] (0 skips t-SNE)");
    problems.require(perplexity >= 1, "perplexity", perplexity, "must be >= 1");
    problems.require(tsneIterations >= 1, "tsneIterations", tsneIterations, "must be >= 1");
    problems.require(learningRate > 0, "learningRate", learningRate, "must be > 0");
    problems.require(pcaDimensions >= 2, "pcaDimensions", pcaDimensions, "must be >= 2");
    problems.require(neighbours >= 1, "neighbours", neighbours, "must be >= 1");
  }
}
