package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link StyleMixingEvaluator}. */
public final class StyleMixingEvaluatorProvider implements EvaluatorProvider<StyleMixingParameters> {
  @Override
  public String id() {
    return StyleMixingEvaluator.ID;
  }

  @Override
  public String description() {
    return "Style mixing of a style-based generator (Karras et al. 2019, Fig. 3): grids of coarse styles from one"
        + " code and fine from another, and which source decides the domain classifier's label";
  }

  @Override
  public Class<StyleMixingParameters> parametersType() {
    return StyleMixingParameters.class;
  }

  @Override
  public Evaluator create(StyleMixingParameters parameters) {
    return new StyleMixingEvaluator(parameters);
  }
}
