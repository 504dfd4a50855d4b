package org.latentlab.plugins.selfsupervised;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.PretextTaskProvider;

/** Entry point of context prediction ({@link ContextPrediction}, Doersch et al. 2015). */
public final class ContextProvider implements PretextTaskProvider<ContextParameters> {
  @Override
  public String id() {
    return "context-prediction";
  }

  @Override
  public String description() {
    return "Context prediction (Doersch et al. 2015): which of the 8 neighbours of the centre patch a second patch is,"
        + " siamese encoder";
  }

  @Override
  public Class<ContextParameters> parametersType() {
    return ContextParameters.class;
  }

  @Override
  public Model create(ContextParameters parameters, ModelContext context) {
    return new ContextPrediction(parameters, context);
  }
}
