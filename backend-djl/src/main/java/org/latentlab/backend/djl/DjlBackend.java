package org.latentlab.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.train.ComputeSession;

/** The loaded PyTorch engine; opens one {@link DjlComputeSession} per model. */
final class DjlBackend implements Backend {
  private final Engine engine;
  private final NDManager manager;

  DjlBackend() {
    try {
      this.engine = Engine.getEngine("PyTorch");
    } catch (EngineException | IllegalArgumentException e) {
      throw new IllegalStateException("DJL could not load libtorch (" + e.getMessage() + "). The jar "
          + "ai.djl.pytorch:pytorch-native-cpu (classifier linux-x86_64) must be on the class path, and the "
          + "DJL cache folder (DJL_CACHE_DIR, default ~/.djl.ai) writable.", e);
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

  @Override
  public ComputeSession open(ParameterStore store, long seed) {
    engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
    return new DjlComputeSession(engine, manager.newSubManager(), store);
  }

  @Override
  public void close() {
    manager.close();
  }
}
