package org.latentlab.experiments.plugins;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.latentlab.api.spi.Provider;

/**
 * Every provider of every kind, found with {@link ServiceLoader} (module path and class path alike),
 * indexed by kind and id. Two providers of one kind with the same id are an error naming both origins.
 */
public final class PluginRegistry {
  private final Map<PluginKind, Map<String, PluginEntry>> byKind = new EnumMap<>(PluginKind.class);
  private final List<String> problems = new ArrayList<>();

  /** Discovers the providers visible to {@code loader}. */
  public static PluginRegistry discover(ClassLoader loader) {
    PluginRegistry registry = new PluginRegistry();
    for (PluginKind kind : PluginKind.values()) {
      for (Provider<?> p : ServiceLoader.load(kind.spi(), loader)) {
        registry.add(new PluginEntry(kind, p, originOf(p.getClass())));
      }
    }
    return registry;
  }

  /**
   * Discovers the providers visible to {@code loader} and those of the third-party plugins under
   * {@code pluginFolder} (see {@link PluginFolders}); plugins that fail to load are kept as
   * {@link #problems()}, a duplicate id fails naming both jars.
   */
  public static PluginRegistry discover(ClassLoader loader, Path pluginFolder) throws IOException {
    PluginRegistry registry = discover(loader);
    PluginFolders.Loaded loaded = PluginFolders.load(pluginFolder, loader);
    loaded.entries().forEach(registry::add);
    registry.problems.addAll(loaded.problems());
    return registry;
  }

  /** The third-party plugins that failed to load, one message each (naming the plugin and the cause). */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** Adds a provider; fails if its id is taken within its kind. */
  public void add(PluginEntry entry) {
    Map<String, PluginEntry> ids = byKind.computeIfAbsent(entry.kind(), k -> new LinkedHashMap<>());
    PluginEntry existing = ids.get(entry.id());
    if (existing != null) {
      throw new IllegalStateException("duplicate " + entry.kind().label() + " id '" + entry.id() + "': provided by "
          + existing.origin() + " and by " + entry.origin() + "; remove one of the two jars");
    }
    ids.put(entry.id(), entry);
  }

  /** The provider of {@code kind} called {@code id}. */
  public Optional<PluginEntry> find(PluginKind kind, String id) {
    return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(id));
  }

  /** Ids of every provider of {@code kind}, in discovery order. */
  public List<String> ids(PluginKind kind) {
    return List.copyOf(byKind.getOrDefault(kind, Map.of()).keySet());
  }

  /** Every provider, grouped by kind. */
  public List<PluginEntry> all() {
    List<PluginEntry> out = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      out.addAll(byKind.getOrDefault(kind, Map.of()).values());
    }
    return Collections.unmodifiableList(out);
  }

  /** The jar (or class folder) a class was loaded from, or its module name if that is unknown. */
  static String originOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        return Path.of(source.getLocation().toURI()).toString();
      } catch (URISyntaxException | IllegalArgumentException e) {
        return source.getLocation().toString();
      }
    }
    Module module = type.getModule();
    return module.isNamed() ? "module " + module.getName() : "unknown";
  }
}
