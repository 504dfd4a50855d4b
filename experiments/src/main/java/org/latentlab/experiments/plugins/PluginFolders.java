package org.latentlab.experiments.plugins;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.api.spi.Provider;

/**
 * Third-party plugins from a folder ({@code latentlab --plugins DIR}): every sub-folder of DIR is one
 * plugin, its jars loaded in isolation from the other plugins. Where the launcher runs on the module
 * path and every jar of the plugin has a module descriptor, the plugin becomes its own
 * {@link ModuleLayer}; otherwise (a jar without module-info, or a class-path launch) it gets a class
 * loader of its own. Its providers are found with {@link ServiceLoader}, keeping only those the plugin
 * itself defines. A plugin that cannot load (unresolvable module, missing class, throwing constructor)
 * is reported as a problem naming its folder and the cause, and the other plugins still load.
 */
public final class PluginFolders {
  /**
   * What a plugin folder gave.
   *
   * @param entries  the providers found, with the jar each came from
   * @param problems one message per plugin or provider that failed to load
   */
  public record Loaded(List<PluginEntry> entries, List<String> problems) {}

  private PluginFolders() {}

  /** Loads every plugin under {@code root}; {@code parent} sees the framework's API. */
  public static Loaded load(Path root, ClassLoader parent) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("--plugins " + root + ": not a folder; give a folder holding one sub-folder per plugin");
    }
    List<PluginEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Path> folders;
    try (Stream<Path> s = Files.list(root)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path folder : folders) {
      List<Path> jars;
      try (Stream<Path> s = Files.list(folder)) {
        jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
      }
      if (jars.isEmpty()) {
        problems.add("plugin " + folder + ": no jar in the folder");
        continue;
      }
      try {
        loadOne(folder, jars, parent, entries, problems);
      } catch (RuntimeException | LinkageError | MalformedURLException e) {
        problems.add("plugin " + folder + ": " + describe(e));
      }
    }
    return new Loaded(entries, problems);
  }

  private static void loadOne(Path folder, List<Path> jars, ClassLoader parent, List<PluginEntry> entries,
      List<String> problems) throws MalformedURLException {
    ModuleLayer layer = moduleLayer(jars, parent);
    ClassLoader loader = null;
    if (layer == null) {
      URL[] urls = new URL[jars.size()];
      for (int i = 0; i < urls.length; i++) {
        urls[i] = jars.get(i).toUri().toURL();
      }
      loader = new URLClassLoader("plugin " + folder.getFileName(), urls, parent);
    }
    for (PluginKind kind : PluginKind.values()) {
      ServiceLoader<? extends Provider<?>> services = layer != null
          ? ServiceLoader.load(layer, kind.spi()) : ServiceLoader.load(kind.spi(), loader);
      ClassLoader own = loader;
      Predicate<Class<?>> ownClass = layer != null
          ? type -> type.getModule().getLayer() == layer
          : type -> type.getClassLoader() == own;
      Iterator<? extends Provider<?>> it = services.iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            break;
          }
          Provider<?> provider = it.next();
          if (ownClass.test(provider.getClass())) {
            entries.add(new PluginEntry(kind, provider, PluginRegistry.originOf(provider.getClass())));
          }
        } catch (ServiceConfigurationError | LinkageError e) {
          problems.add("plugin " + folder + ": a " + kind.label() + " provider failed to load: " + describe(e));
        }
      }
    }
  }

  /**
   * The plugin's jars as a module layer over the launcher's, or {@code null} where that is not possible
   * (class-path launch, or a jar without module-info).
   */
  private static ModuleLayer moduleLayer(List<Path> jars, ClassLoader parent) {
    if (PluginFolders.class.getModule().getLayer() == null) {
      return null;
    }
    ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
    Set<ModuleReference> modules = finder.findAll();
    if (modules.size() != jars.size() || modules.stream().anyMatch(m -> m.descriptor().isAutomatic())) {
      return null;
    }
    ModuleLayer parentLayer = PluginFolders.class.getModule().getLayer();
    Set<String> roots = modules.stream().map(m -> m.descriptor().name()).collect(Collectors.toSet());
    Configuration configuration = parentLayer.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
    ModuleLayer.Controller controller =
        ModuleLayer.defineModulesWithOneLoader(configuration, List.of(parentLayer), parent);
    // The descriptor binder builds parameter records reflectively: open the plugin's packages to it,
    // so a plugin author need not (an explicit "opens" in the plugin's module-info works as well).
    Module binder = ObjectMapper.class.getModule();
    for (Module m : controller.layer().modules()) {
      m.getPackages().forEach(pkg -> controller.addOpens(m, pkg, binder));
    }
    return controller.layer();
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      sb.append("; caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    }
    return sb.toString();
  }
}
