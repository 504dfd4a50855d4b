package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link DisentanglementEvaluator}. */
public final class DisentanglementEvaluatorProvider implements EvaluatorProvider<DisentanglementParameters> {
  @Override
  public String id() {
    return DisentanglementEvaluator.ID;
  }

  @Override
  public String description() {
    return "Disentanglement on data with known factors (e.g. shapes): MIG, FactorVAE score and latent traversals";
  }

  @Override
  public Class<DisentanglementParameters> parametersType() {
    return DisentanglementParameters.class;
  }

  @Override
  public Evaluator create(DisentanglementParameters parameters) {
    return new DisentanglementEvaluator(parameters);
  }
}
