package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link ClusteringEvaluator}. */
public final class ClusteringEvaluatorProvider implements EvaluatorProvider<ClusteringParameters> {
  @Override
  public String id() {
    return ClusteringEvaluator.ID;
  }

  @Override
  public String description() {
    return "k-means (k-means++, restarts) on the test codes; NMI and ARI against the labels, beside raw pixels";
  }

  @Override
  public Class<ClusteringParameters> parametersType() {
    return ClusteringParameters.class;
  }

  @Override
  public Evaluator create(ClusteringParameters parameters) {
    return new ClusteringEvaluator(parameters);
  }
}
