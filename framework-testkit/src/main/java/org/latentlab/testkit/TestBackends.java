package org.latentlab.testkit;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.Parameters;

/**
 * Loads a backend for plugin tests the way the launcher would, found with {@link ServiceLoader},
 * with its default parameters (every field absent, as in a descriptor that names only the type).
 */
public final class TestBackends {
  private static final Map<String, Backend> SHARED = new HashMap<>();

  private TestBackends() {}

  /**
   * The backend with the given id, created on first use and then shared by every test of the JVM (engine start-up
   * costs seconds); never closed early, the JVM's exit releases it.
   */
  public static synchronized Backend shared(String id) {
    return SHARED.computeIfAbsent(id, TestBackends::create);
  }

  /** The backend with the given id on the test class path, created with default parameters. */
  public static Backend create(String id) {
    for (BackendProvider<?> provider : ServiceLoader.load(BackendProvider.class)) {
      if (provider.id().equals(id)) {
        return createWithDefaults(provider);
      }
    }
    throw new IllegalStateException("no backend '" + id + "' on the test class path; add its module as a test dependency");
  }

  private static <P extends Parameters> Backend createWithDefaults(BackendProvider<P> provider) {
    Class<P> type = provider.parametersType();
    if (!type.isRecord()) {
      throw new IllegalStateException(type + " is not a record; create the backend yourself");
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      return provider.create(type.getDeclaredConstructor(types).newInstance(new Object[components.length]));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create default parameters " + type.getName(), e);
    }
  }
}
