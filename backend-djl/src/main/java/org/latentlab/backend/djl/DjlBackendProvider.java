package org.latentlab.backend.djl;

import java.util.Set;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Problems;

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

  /**
   * Loads PyTorch. Before the engine loads it sets {@code ai.djl.offline=true} (unless set: nothing is
   * ever downloaded, and a missing native jar fails at once), the intra-op thread count from the
   * parameters and one inter-op thread (unless set); if the engine was loaded earlier with another
   * intra-op thread count, that count is changed to the parameter's.
   */
  @Override
  public Backend create(DjlParameters parameters) {
    Problems problems = new Problems();
    parameters.validate(problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("djl backend: " + problems.all().get(0).message());
    }
    setIfAbsent("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(parameters.threads()));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    return new DjlBackend(parameters.threads());
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
