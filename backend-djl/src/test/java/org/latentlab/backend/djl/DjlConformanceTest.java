package org.latentlab.backend.djl;

import java.util.Set;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Capability;
import org.latentlab.testkit.BackendConformanceSuite;

/** The DJL backend against the whole conformance suite. */
class DjlConformanceTest extends BackendConformanceSuite {
  @Override
  protected Backend createBackend() {
    return new DjlBackendProvider().create(new DjlParameters(null));
  }

  @Override
  protected Set<Capability> capabilities() {
    return new DjlBackendProvider().capabilities();
  }
}
