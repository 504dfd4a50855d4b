package org.latentlab.backend.tensorflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.OptimizerUpdate;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * A model's parameters, state and optimizer slots as resource variables of one graph, run by one
 * session. Variables start from the store's host-side initial values (so both backends start from
 * identical weights); training steps and inference functions are traced into the same graph.
 */
final class TfComputeSession implements ComputeSession {
  private final ParameterStore store;
  private final Graph graph;
  private final Session session;
  private final Ops tf;
  private final Map<String, TfVariable> variables = new LinkedHashMap<>();
  private final long randomSeed;
  private long randomOps;
  private int traces;

  TfComputeSession(ParameterStore store, long seed, int threads) {
    this.store = store;
    this.graph = new Graph();
    this.tf = Ops.create(graph);
    this.session = new Session(graph, ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .build());
    this.randomSeed = seed;
    materialise();
  }

  /** Creates variables for store entries that have none yet and writes their initial values. */
  private void materialise() {
    Map<String, HostTensor> initial = new LinkedHashMap<>();
    for (ParameterStore.Entry e : store.entries()) {
      if (!variables.containsKey(e.name())) {
        variables.put(e.name(), TfVariable.create(tf, e.name(), e.shape(), "v" + variables.size()));
        initial.put(e.name(), e.initialValue());
      }
    }
    write(initial);
  }

  /** Number of operations in the graph (tracing adds them; running must not). */
  int graphSize() {
    int n = 0;
    for (var it = graph.operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  Graph graph() {
    return graph;
  }

  Session session() {
    return session;
  }

  Ops tf() {
    return tf;
  }

  /** The variable for store entry {@code name}; fails with the known names. */
  TfVariable variable(String name) {
    TfVariable v = variables.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter or state '" + name + "' in this session; known: "
          + variables.keySet());
    }
    return v;
  }

  /**
   * The key of the next random op traced into this session: the run's seed and the op's number mixed,
   * so every op draws from its own stream.
   */
  long nextRandomKey() {
    return RandomStreams.mix(randomSeed, ++randomOps);
  }

  /** A fresh prefix for names of a traced function's gradient ops. */
  String nextTracePrefix() {
    return "trace" + (++traces);
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
    return new TfTrainer(this, program);
  }

  @Override
  public CompiledFunction compile(InferenceFunction function) {
    return new TfCompiledFunction(this, function);
  }

  @Override
  public Map<String, HostTensor> readState() {
    Session.Runner runner = session.runner();
    List<String> names = new ArrayList<>(variables.keySet());
    for (String n : names) {
      runner.fetch(variables.get(n).reader());
    }
    Map<String, HostTensor> out = new LinkedHashMap<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        out.put(names.get(i), HostTensors.toHost(result.get(i)));
      }
    }
    return out;
  }

  /** {@inheritDoc} Checks every name and shape before writing anything. */
  @Override
  public void writeState(Map<String, HostTensor> state) {
    store.checkValues(state);
    materialise();
    write(state);
  }

  private void write(Map<String, HostTensor> values) {
    if (values.isEmpty()) {
      return;
    }
    List<TFloat32> fed = new ArrayList<>(values.size());
    try {
      Session.Runner runner = session.runner();
      values.forEach((name, v) -> {
        TfVariable var = variables.get(name);
        TFloat32 t = HostTensors.toTf(v);
        fed.add(t);
        runner.feed(var.feed(), t).addTarget(var.writer());
      });
      runner.run().close();
    } finally {
      fed.forEach(TFloat32::close);
    }
  }

  /** {@inheritDoc} The session's resource manager, and with it every variable, goes with the session. */
  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
