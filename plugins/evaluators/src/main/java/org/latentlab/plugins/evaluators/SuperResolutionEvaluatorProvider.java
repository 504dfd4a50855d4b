package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link SuperResolutionEvaluator}. */
public final class SuperResolutionEvaluatorProvider implements EvaluatorProvider<SuperResolutionParameters> {
  @Override
  public String id() {
    return SuperResolutionEvaluator.ID;
  }

  @Override
  public String description() {
    return "Super-resolution against nearest-neighbour and bicubic upscaling of the same low-resolution test images:"
        + " PSNR, SSIM and the domain classifier's accuracy";
  }

  @Override
  public Class<SuperResolutionParameters> parametersType() {
    return SuperResolutionParameters.class;
  }

  @Override
  public Evaluator create(SuperResolutionParameters parameters) {
    return new SuperResolutionEvaluator(parameters);
  }
}
