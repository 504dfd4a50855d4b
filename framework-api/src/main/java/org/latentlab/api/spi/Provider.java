package org.latentlab.api.spi;

/**
 * What every plugin entry point has: a stable kebab-case id (the descriptor's {@code type}, the
 * provenance key, the report label), a description, and the record type its parameters bind to.
 * Constructors must be cheap: heavy work belongs in the provider's {@code create} method.
 *
 * @param <P> the parameters record; unknown fields in a descriptor are rejected
 */
public interface Provider<P extends Parameters> {

  /** Stable kebab-case id, e.g. {@code conv-autoencoder}. */
  String id();

  /** One line saying what it is. */
  String description();

  /** The parameters record type. */
  Class<P> parametersType();

  /** Version of the jar that holds the provider (its manifest), or {@code unknown}. */
  default String version() {
    String v = getClass().getPackage().getImplementationVersion();
    if (v == null) {
      v = getClass().getModule().getDescriptor() != null
          ? getClass().getModule().getDescriptor().rawVersion().orElse(null) : null;
    }
    return v == null ? "unknown" : v;
  }
}
