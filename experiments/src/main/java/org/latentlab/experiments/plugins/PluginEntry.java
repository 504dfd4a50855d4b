package org.latentlab.experiments.plugins;

import org.latentlab.api.spi.Provider;

/**
 * A provider found at start-up, with where it came from.
 *
 * @param kind     what it provides
 * @param provider the provider instance
 * @param origin   the jar or folder it was loaded from
 */
public record PluginEntry(PluginKind kind, Provider<?> provider, String origin) {
  /** The provider's id. */
  public String id() {
    return provider.id();
  }

  /** The provider's version. */
  public String version() {
    return provider.version();
  }
}
