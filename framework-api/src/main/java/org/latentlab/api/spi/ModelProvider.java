package org.latentlab.api.spi;

/** Entry point of a model family member (an autoencoder, a GAN). */
public interface ModelProvider<P extends Parameters> extends Provider<P> {
  /** Builds the model, declaring its parameters in {@code context.scope()}. */
  Model create(P parameters, ModelContext context);

  /** Capabilities these parameters need from the backend, known before building; none by default. */
  default java.util.Set<Capability> requiredCapabilities(P parameters) {
    return java.util.Set.of();
  }
}
