package org.latentlab.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.OptimizerUpdate;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A model's parameters, state and optimizer slots as NDArrays owned by a session manager. Steps and
 * function calls work in sub-managers of it that they close, so the session holds exactly one array
 * per store entry between calls.
 */
final class DjlComputeSession implements ComputeSession {
  private final Engine engine;
  private final NDManager manager;
  private final ParameterStore store;
  private final Map<String, NDArray> values = new LinkedHashMap<>();
  private final long seed;

  DjlComputeSession(Engine engine, NDManager manager, ParameterStore store, long seed) {
    this.engine = engine;
    this.seed = seed;
    this.manager = manager;
    this.store = store;
    materialise();
  }

  /** Creates arrays for store entries that have none yet (e.g. optimizer slots declared later). */
  private void materialise() {
    for (ParameterStore.Entry e : store.entries()) {
      if (!values.containsKey(e.name())) {
        HostTensor v = e.initialValue();
        values.put(e.name(), DjlOps.engineOwned(manager, v));
      }
    }
  }

  @Override
  public ParameterStore store() {
    return store;
  }

  @Override
  public Trainer trainer(TrainingProgram program) {
    for (TrainingStep step : program.steps()) {
      OptimizerUpdate.declareSlots(store, step);
    }
    materialise();
    values.values().forEach(a -> a.setRequiresGradient(false));
    return new DjlTrainer(engine, manager, store, values, program, seed);
  }

  @Override
  public CompiledFunction compile(InferenceFunction function) {
    return new DjlCompiledFunction(engine, manager, values, function);
  }

  @Override
  public Map<String, HostTensor> readState() {
    Map<String, HostTensor> out = new LinkedHashMap<>();
    values.forEach((name, a) -> out.put(name, toHost(a)));
    return out;
  }

  /**
   * {@inheritDoc} Checks every name and shape before writing anything. Each value gets fresh storage
   * owned by the engine, so no other entry that once shared storage with it (a view assigned as state)
   * can change, and nothing depends on the host array staying alive.
   */
  @Override
  public void writeState(Map<String, HostTensor> state) {
    store.checkValues(state);
    materialise();
    // intern() moves the storage but not a host buffer's reference, so hand over a copy the engine owns.
    state.forEach((name, v) -> values.get(name).intern(DjlOps.engineOwned(manager, v)));
  }

  /** Arrays the session's manager owns (every entry, nothing else once a step has finished). */
  int ownedArrays() {
    return manager.getManagedArrays().size();
  }

  static HostTensor toHost(NDArray a) {
    return new HostTensor(a.toFloatArray(), new DjlTensor(a).shape());
  }

  @Override
  public void close() {
    manager.close();
  }
}
