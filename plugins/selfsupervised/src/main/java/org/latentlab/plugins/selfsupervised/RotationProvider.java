package org.latentlab.plugins.selfsupervised;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.PretextTaskProvider;

/** Entry point of rotation prediction ({@link RotationPrediction}, Gidaris et al. 2018). */
public final class RotationProvider implements PretextTaskProvider<RotationParameters> {
  @Override
  public String id() {
    return "rotation";
  }

  @Override
  public String description() {
    return "Rotation prediction (Gidaris et al. 2018): 4-way classification of 0/90/180/270-degree rotations";
  }

  @Override
  public Class<RotationParameters> parametersType() {
    return RotationParameters.class;
  }

  @Override
  public Model create(RotationParameters parameters, ModelContext context) {
    return new RotationPrediction(parameters, context);
  }
}
