package org.latentlab.experiments.plugins;

import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.DatasetProvider;
import org.latentlab.api.spi.EvaluatorProvider;
import org.latentlab.api.spi.ModelProvider;
import org.latentlab.api.spi.PretextTaskProvider;
import org.latentlab.api.spi.Provider;
import org.latentlab.api.spi.SweepExecutorProvider;

/** The kinds of provider, each with its SPI type and the descriptor section that names it. */
public enum PluginKind {
  BACKEND("backend", BackendProvider.class),
  DATASET("dataset", DatasetProvider.class),
  MODEL("model", ModelProvider.class),
  PRETEXT_TASK("pretext-task", PretextTaskProvider.class),
  EVALUATOR("evaluator", EvaluatorProvider.class),
  SWEEP_EXECUTOR("sweep-executor", SweepExecutorProvider.class);

  private final String label;
  private final Class<? extends Provider<?>> spi;

  @SuppressWarnings({"unchecked", "rawtypes"})
  PluginKind(String label, Class spi) {
    this.label = label;
    this.spi = spi;
  }

  /** Kebab-case name, e.g. {@code pretext-task}. */
  public String label() {
    return label;
  }

  /** The SPI interface. */
  public Class<? extends Provider<?>> spi() {
    return spi;
  }
}
