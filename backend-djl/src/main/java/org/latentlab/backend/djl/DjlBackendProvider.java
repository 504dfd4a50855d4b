package org.latentlab.backend.djl;

import java.util.Set;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.Capability;

/**
 * Entry point of the DJL backend (id {@code djl}): PyTorch through DJL, on the CPU, offline. It lacks
 * higher-order gradients inside training steps (DJL's public API never builds the graph of a gradient).
 */
public final class DjlBackendProvider implements BackendProvider<DjlParameters> {
  /** What this backend can do. */
  static final Set<Capability> CAPABILITIES = Set.of(Capability.DETERMINISTIC, Capability.INPUT_GRADIENTS);

  @Override
  public String id() {
    return "djl";
  }

  @Override
  public String description() {
    return "PyTorch via DJL, CPU, offline; eager execution under a gradient collector";
  }

  @Override
  public Class<DjlParameters> parametersType() {
    return DjlParameters.class;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Backend create(DjlParameters parameters) {
    // Must be set before the engine loads: never download, fixed thread counts for reproducibility.
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(parameters.threads()));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    return new DjlBackend();
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
