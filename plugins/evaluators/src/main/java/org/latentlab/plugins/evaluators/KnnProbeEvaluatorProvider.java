package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link KnnProbeEvaluator}. */
public final class KnnProbeEvaluatorProvider implements EvaluatorProvider<KnnProbeParameters> {
  @Override
  public String id() {
    return KnnProbeEvaluator.ID;
  }

  @Override
  public String description() {
    return "k-nearest-neighbour probe (cosine similarity, weighted vote) on frozen features, beside raw-pixel and random-encoder baselines";
  }

  @Override
  public Class<KnnProbeParameters> parametersType() {
    return KnnProbeParameters.class;
  }

  @Override
  public Evaluator create(KnnProbeParameters parameters) {
    return new KnnProbeEvaluator(parameters);
  }
}
