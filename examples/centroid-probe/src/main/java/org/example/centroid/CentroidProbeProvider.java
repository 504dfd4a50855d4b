package org.example.centroid;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the nearest-centroid probe (id {@code centroid-probe}). */
public final class CentroidProbeProvider implements EvaluatorProvider<CentroidProbeParameters> {
  @Override
  public String id() {
    return "centroid-probe";
  }

  @Override
  public String description() {
    return "Nearest class centroid on the model's codes: a parameter-free probe of how codes cluster by class";
  }

  @Override
  public Class<CentroidProbeParameters> parametersType() {
    return CentroidProbeParameters.class;
  }

  @Override
  public Evaluator create(CentroidProbeParameters parameters) {
    return new CentroidProbe(parameters);
  }
}
