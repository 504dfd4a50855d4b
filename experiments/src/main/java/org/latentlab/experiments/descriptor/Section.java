package org.latentlab.experiments.descriptor;

import org.latentlab.api.spi.Parameters;
import org.latentlab.experiments.plugins.PluginEntry;

/**
 * One bound plugin section of a descriptor (backend, dataset, model, an evaluator).
 *
 * @param path       where it sits in the document, e.g. {@code evaluators[0]}
 * @param plugin     the provider its {@code type} names
 * @param parameters its parameters, bound and validated, defaults filled in
 */
public record Section(String path, PluginEntry plugin, Parameters parameters) {
  /** The provider id (the section's {@code type}). */
  public String type() {
    return plugin.id();
  }
}
