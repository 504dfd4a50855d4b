package org.latentlab.backend.tensorflow;

import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.train.ComputeSession;
import org.tensorflow.TensorFlow;

/** The loaded TensorFlow runtime; opens one {@link TfComputeSession} (graph and session) per model. */
final class TfBackend implements Backend {
  private final int threads;
  private final String version;

  /** Loads the runtime, failing with the fix if the native jar is missing. */
  TfBackend(int threads) {
    this.threads = threads;
    try {
      this.version = TensorFlow.version();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("the tensorflow backend could not load the TensorFlow runtime (" + e.getMessage()
          + "). The jar org.tensorflow:tensorflow-core-native with classifier linux-x86_64 must be on the module or "
          + "class path, and its unpack folder (~/.javacpp/cache, or -Dorg.bytedeco.javacpp.cachedir) writable; "
          + "nothing is downloaded.", e);
    }
    ActivationGradients.register();
  }

  @Override
  public String id() {
    return "tensorflow";
  }

  @Override
  public String engineVersion() {
    return "TensorFlow " + version + " via TensorFlow Java";
  }

  /** {@inheritDoc} Each session has its own graph; every random op in it is seeded from {@code seed}. */
  @Override
  public ComputeSession open(ParameterStore store, long seed) {
    return new TfComputeSession(store, seed, threads);
  }

  @Override
  public void close() {
    // Sessions own every native resource; the runtime stays loaded for the JVM's life.
  }
}
