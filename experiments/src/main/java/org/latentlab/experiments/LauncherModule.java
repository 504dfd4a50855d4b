package org.latentlab.experiments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import org.latentlab.experiments.plugins.PluginRegistry;

/** Guice wiring of the launcher: the plugin registry, the clock. */
public final class LauncherModule extends AbstractModule {
  private final ClassLoader pluginLoader;

  /** Wiring whose plugins are those visible to {@code pluginLoader}. */
  public LauncherModule(ClassLoader pluginLoader) {
    this.pluginLoader = pluginLoader;
  }

  @Provides
  @Singleton
  PluginRegistry registry() {
    return PluginRegistry.discover(pluginLoader);
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
