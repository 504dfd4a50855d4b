package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link GenerationEvaluator}. */
public final class GenerationEvaluatorProvider implements EvaluatorProvider<GenerationParameters> {
  @Override
  public String id() {
    return GenerationEvaluator.ID;
  }

  @Override
  public String description() {
    return "Decoder as generator: prior or fitted-Gaussian samples judged by the domain classifier (class"
        + " histogram, entropy, confidence), latent interpolations";
  }

  @Override
  public Class<GenerationParameters> parametersType() {
    return GenerationParameters.class;
  }

  @Override
  public Evaluator create(GenerationParameters parameters) {
    return new GenerationEvaluator(parameters);
  }
}
