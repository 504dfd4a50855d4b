package org.latentlab.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.train.ComputeSession;

/** The loaded PyTorch engine; opens one {@link DjlComputeSession} per model. */
final class DjlBackend implements Backend {

  private final Engine engine;
  private final NDManager manager;

  /** Loads the engine (once per JVM) and makes it use {@code threads} intra-op threads. */
  DjlBackend(int threads) {
    try {
      this.engine = Engine.getEngine("PyTorch");
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("the djl backend could not load PyTorch (" + e.getMessage() + "). The jar "
          + "ai.djl.pytorch:pytorch-native-cpu (classifier linux-x86_64, the libtorch version pytorch-jni names) must "
          + "be on the class path (not the module path), and the DJL cache folder (DJL_CACHE_DIR, default "
          + "~/.djl.ai) must be writable; nothing is downloaded (ai.djl.offline=true).", e);
    }
    if (JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    this.manager = engine.newBaseManager();
  }

  @Override
  public String id() {
    return "djl";
  }

  @Override
  public String engineVersion() {
    return "PyTorch " + engine.getVersion() + " via DJL " + Engine.getDjlVersion();
  }

  /**
   * {@inheritDoc} Seeds the engine's (process-wide) generator with {@code seed}, so a session's random
   * ops repeat bit for bit at a fixed thread count (training steps reseed it per step, see
   * {@link DjlTrainer}). Several sessions may be open; their training steps
   * must run one after the other (a concurrent step fails clearly, see {@link ExclusiveCollector}).
   */
  @Override
  public ComputeSession open(ParameterStore store, long seed) {
    engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
    return new DjlComputeSession(engine, manager.newSubManager(), store, seed);
  }

  @Override
  public void close() {
    manager.close();
  }
}
