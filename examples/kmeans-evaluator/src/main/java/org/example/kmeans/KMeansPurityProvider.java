package org.example.kmeans;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/**
 * Entry point of the {@code kmeans-purity} evaluator: k-means on the model's codes, scored by
 * cluster purity and normalised mutual information against the labels.
 */
public final class KMeansPurityProvider implements EvaluatorProvider<KMeansPurityParameters> {
  @Override
  public String id() {
    return KMeansPurityEvaluator.ID;
  }

  @Override
  public String description() {
    return "K-means on the standardised codes (k-means++, restarts); purity and NMI of the clusters on the test split";
  }

  @Override
  public Class<KMeansPurityParameters> parametersType() {
    return KMeansPurityParameters.class;
  }

  @Override
  public Evaluator create(KMeansPurityParameters parameters) {
    return new KMeansPurityEvaluator(parameters);
  }
}
