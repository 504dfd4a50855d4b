package org.latentlab.experiments.plugins;

import java.util.Set;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.PretextTaskProvider;
import org.latentlab.api.spi.Provider;

/**
 * Builds the {@link Model} a descriptor's {@code model} section names: both a {@link ModelProvider} and a
 * {@link PretextTaskProvider} make one, so the rest of a run treats them alike.
 */
public final class ModelFactory {
  private ModelFactory() {}

  /** The model of {@code provider} (a model or a pretext task) with {@code parameters}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Model create(Provider<?> provider, Parameters parameters, ModelContext context) {
    if (provider instanceof ModelProvider m) {
      return m.create(parameters, context);
    }
    if (provider instanceof PretextTaskProvider t) {
      return t.create(parameters, context);
    }
    throw new IllegalArgumentException(provider.id() + " is neither a model nor a pretext task");
  }

  /** The capabilities {@code provider} needs from the backend for {@code parameters}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Set<Capability> requiredCapabilities(Provider<?> provider, Parameters parameters) {
    if (provider instanceof ModelProvider m) {
      return m.requiredCapabilities(parameters);
    }
    if (provider instanceof PretextTaskProvider t) {
      return t.requiredCapabilities(parameters);
    }
    throw new IllegalArgumentException(provider.id() + " is neither a model nor a pretext task");
  }
}
