package org.latentlab.experiments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import org.latentlab.experiments.plugins.PluginRegistry;

/** Guice wiring of the launcher: the plugin registry, the clock. */
public final class LauncherModule extends AbstractModule {
  private final PluginRegistry registry;

  /** Wiring over the plugins found at start-up. */
  public LauncherModule(PluginRegistry registry) {
    this.registry = registry;
  }

  @Provides
  @Singleton
  PluginRegistry registry() {
    return registry;
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
