package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the sparse autoencoder ({@link SparseAutoencoder}). */
public final class SparseAutoencoderProvider implements ModelProvider<SparseAutoencoderParameters> {

  @Override
  public String id() {
    return "sparse-autoencoder";
  }

  @Override
  public String description() {
    return "Sparse autoencoder: reconstruction plus an L1 or KL(rho || mean activation) penalty on the code (Ng 2011)";
  }

  @Override
  public Class<SparseAutoencoderParameters> parametersType() {
    return SparseAutoencoderParameters.class;
  }

  @Override
  public Model create(SparseAutoencoderParameters parameters, ModelContext context) {
    return new SparseAutoencoder(parameters, context);
  }
}
