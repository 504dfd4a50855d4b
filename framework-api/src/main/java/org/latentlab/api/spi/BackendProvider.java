package org.latentlab.api.spi;

import java.util.Set;

/**
 * Entry point of a compute backend (found with {@link java.util.ServiceLoader}). Cheap to construct;
 * {@link #create} loads the engine.
 *
 * @param <P> the backend's parameters (threads and the like)
 */
public interface BackendProvider<P extends Parameters> extends Provider<P> {

  /** What the backend can do; plain constants, known before the engine loads. */
  Set<Capability> capabilities();

  /** Loads the engine. The returned backend is closed by the caller. */
  Backend create(P parameters);
}
