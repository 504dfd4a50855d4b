package org.latentlab.backend.tensorflow;

import java.util.Set;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Problems;

/**
 * Entry point of the TensorFlow backend (id {@code tensorflow}): TensorFlow Java in graph mode, on the
 * CPU, offline. Each training step and inference function is traced once per input shape into the
 * session's graph and then run per batch; gradients are symbolic, so gradients of gradients work.
 */
public final class TfBackendProvider implements BackendProvider<TfParameters> {
  /** What this backend can do. */
  static final Set<Capability> CAPABILITIES = Set.of(
      Capability.DETERMINISTIC, Capability.INPUT_GRADIENTS, Capability.HIGHER_ORDER_GRADIENTS);

  @Override
  public String id() {
    return "tensorflow";
  }

  @Override
  public String description() {
    return "TensorFlow Java, CPU, offline; graph mode, each step traced once and run per batch";
  }

  @Override
  public Class<TfParameters> parametersType() {
    return TfParameters.class;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  /** Loads the TensorFlow runtime (once per JVM); sessions use the parameters' thread count. */
  @Override
  public Backend create(TfParameters parameters) {
    Problems problems = new Problems();
    parameters.validate(problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("tensorflow backend: " + problems.all().get(0).message());
    }
    return new TfBackend(parameters.threads());
  }
}
