package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Backend;
import org.latentlab.testkit.TestBackends;

/** Both backends, loaded once for the whole test run (engine start-up costs seconds) and never closed early. */
final class Backends {
  private static Backend djl;
  private static Backend tensorflow;

  private Backends() {}

  /** The backend {@code djl} or {@code tensorflow}. */
  static synchronized Backend get(String id) {
    if (id.equals("djl")) {
      djl = djl == null ? TestBackends.create("djl") : djl;
      return djl;
    }
    tensorflow = tensorflow == null ? TestBackends.create("tensorflow") : tensorflow;
    return tensorflow;
  }
}
