package org.latentlab.backend.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.latentlab.api.tensor.HostTensor;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A traced function ready to run: the placeholders its inputs are fed to, the outputs it fetches, the
 * update op it runs (variable assignments) and, when it has random ops, the random-step input they are
 * seeded with; all executed by one {@code Session.run} per call.
 */
final class TracedCall {
  private final Session session;
  private final Map<String, Placeholder<TFloat32>> inputs;
  private final Map<String, Operand<TFloat32>> outputs;
  private final Op updates;
  private final Placeholder<TInt64> randomStep;

  /**
   * @param inputs     placeholders by input name
   * @param outputs    fetched outputs by name, in order
   * @param updates    run with every call, or {@code null}
   * @param randomStep the random ops' step input, or {@code null} when the trace has no random ops
   */
  TracedCall(Session session, Map<String, Placeholder<TFloat32>> inputs, Map<String, Operand<TFloat32>> outputs,
      Op updates, Placeholder<TInt64> randomStep) {
    this.session = session;
    this.inputs = inputs;
    this.outputs = outputs;
    this.updates = updates;
    this.randomStep = randomStep;
  }

  /** The cache key of a batch: its input names and shapes (a function is traced once per key). */
  static String signature(Map<String, HostTensor> batch) {
    StringBuilder key = new StringBuilder();
    new TreeMap<>(batch).forEach((name, v) -> key.append(name).append(Arrays.toString(v.shape())).append(';'));
    return key.toString();
  }

  /** Feeds {@code batch} (and {@code step} to the random ops), runs the call and returns its outputs on the host. */
  Map<String, HostTensor> run(Map<String, HostTensor> batch, long step) {
    List<TFloat32> fed = new ArrayList<>(batch.size());
    try (TInt64 stepValue = TInt64.scalarOf(step)) {
      Session.Runner runner = session.runner();
      if (randomStep != null) {
        runner.feed(randomStep, stepValue);
      }
      inputs.forEach((name, placeholder) -> {
        HostTensor v = batch.get(name);
        if (v == null) {
          throw new IllegalArgumentException("missing input '" + name + "'; the batch has " + batch.keySet());
        }
        TFloat32 t = HostTensors.toTf(v);
        fed.add(t);
        runner.feed(placeholder, t);
      });
      // A result holds each graph output once: fetch distinct outputs, then map names to them.
      List<Output<TFloat32>> distinct = new ArrayList<>();
      for (Operand<TFloat32> o : outputs.values()) {
        if (!distinct.contains(o.asOutput())) {
          distinct.add(o.asOutput());
          runner.fetch(o);
        }
      }
      if (updates != null) {
        runner.addTarget(updates);
      }
      Map<String, HostTensor> out = new LinkedHashMap<>();
      try (Result result = runner.run()) {
        List<HostTensor> values = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
          values.add(HostTensors.toHost(result.get(i)));
        }
        outputs.forEach((name, o) -> out.put(name, values.get(distinct.indexOf(o.asOutput()))));
      }
      return out;
    } finally {
      fed.forEach(TFloat32::close);
    }
  }
}
