package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link InfoCodesEvaluator}. */
public final class InfoCodesEvaluatorProvider implements EvaluatorProvider<InfoCodesParameters> {
  @Override
  public String id() {
    return InfoCodesEvaluator.ID;
  }

  @Override
  public String description() {
    return "InfoGAN codes: c1 accuracy (c1 values matched to classes by the Hungarian algorithm over the domain"
        + " classifier's labels), grids varying c1 and sweeping each continuous code from -2 to 2";
  }

  @Override
  public Class<InfoCodesParameters> parametersType() {
    return InfoCodesParameters.class;
  }

  @Override
  public Evaluator create(InfoCodesParameters parameters) {
    return new InfoCodesEvaluator(parameters);
  }
}
