package org.latentlab.plugins.selfsupervised;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.PretextTaskProvider;

/** Entry point of colorization ({@link Colorization}, Zhang et al. 2016). */
public final class ColorizationProvider implements PretextTaskProvider<ColorizationParameters> {
  @Override
  public String id() {
    return "colorization";
  }

  @Override
  public String description() {
    return "Colorization (Zhang et al. 2016): the colours of an RGB image from its luminance, by regression or"
        + " classification over quantised colours";
  }

  @Override
  public Class<ColorizationParameters> parametersType() {
    return ColorizationParameters.class;
  }

  @Override
  public Model create(ColorizationParameters parameters, ModelContext context) {
    return new Colorization(parameters, context);
  }
}
