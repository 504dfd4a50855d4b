package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of SRGAN-style super-resolution (Ledig et al. 2017; {@link Srgan}, {@link SrganParameters}). */
public final class SrganProvider implements ModelProvider<SrganParameters> {

  @Override
  public String id() {
    return "srgan";
  }

  @Override
  public String description() {
    return "SRGAN-style super-resolution (Ledig et al. 2017): residual generator upscaling 2x or 4x average-pooled"
        + " images, trained on pixel MSE alone or the perceptual loss (MSE + adversarial + classifier features)";
  }

  @Override
  public Class<SrganParameters> parametersType() {
    return SrganParameters.class;
  }

  @Override
  public Model create(SrganParameters parameters, ModelContext context) {
    return new Srgan(parameters, context);
  }
}
