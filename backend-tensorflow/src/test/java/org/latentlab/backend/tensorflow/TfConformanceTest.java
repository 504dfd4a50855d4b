package org.latentlab.backend.tensorflow;

import java.util.Set;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Capability;
import org.latentlab.testkit.BackendConformanceSuite;

/** The TensorFlow backend against the whole conformance suite. */
class TfConformanceTest extends BackendConformanceSuite {
  @Override
  protected Backend createBackend() {
    return new TfBackendProvider().create(new TfParameters(null));
  }

  @Override
  protected Set<Capability> capabilities() {
    return new TfBackendProvider().capabilities();
  }
}
