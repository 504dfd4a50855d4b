package org.latentlab.api.spi;

/**
 * Entry point of a self-supervised pretext task. It builds a {@link Model} whose program trains an
 * encoder on labels made from the data itself and whose {@link Model.Functions#ENCODE} gives the
 * frozen features that downstream probes judge.
 */
public interface PretextTaskProvider<P extends Parameters> extends Provider<P> {
  /** Builds the task's model, declaring its parameters in {@code context.scope()}. */
  Model create(P parameters, ModelContext context);

  /** Capabilities these parameters need from the backend, known before building; none by default. */
  default java.util.Set<Capability> requiredCapabilities(P parameters) {
    return java.util.Set.of();
  }
}
