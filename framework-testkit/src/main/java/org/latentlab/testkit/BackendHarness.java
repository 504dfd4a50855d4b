package org.latentlab.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * Runs small functions on a backend through the public API only, so the same checks hold for any
 * backend: forward values of functions of host inputs, and gradients observed as the update of a
 * one-step SGD with learning rate 1 ({@code g = p - p'}).
 */
public final class BackendHarness {
  private final Backend backend;

  /** A harness over {@code backend}. */
  public BackendHarness(Backend backend) {
    this.backend = backend;
  }

  /** The value of {@code f} (no inputs) in inference mode. */
  public HostTensor eval(Function<Ops, Tensor> f) {
    try (ComputeSession s = backend.open(new ParameterStore(0), 0)) {
      return s.compile((ops, in) -> Map.of("y", f.apply(ops))).apply(Map.of()).get("y");
    }
  }

  /** The value of {@code f} applied to the inputs, in inference mode. */
  public HostTensor eval(Function<List<Tensor>, Function<Ops, Tensor>> f, HostTensor... inputs) {
    try (ComputeSession s = backend.open(new ParameterStore(0), 0)) {
      Map<String, HostTensor> feed = new LinkedHashMap<>();
      for (int i = 0; i < inputs.length; i++) {
        feed.put("in" + i, inputs[i]);
      }
      CompiledFunction fn = s.compile((ops, in) -> {
        Tensor[] ts = new Tensor[inputs.length];
        for (int i = 0; i < ts.length; i++) {
          ts[i] = in.get("in" + i);
        }
        return Map.of("y", f.apply(List.of(ts)).apply(ops));
      });
      return fn.apply(feed).get("y");
    }
  }

  /** The value of a unary {@code f} at {@code x}. */
  public HostTensor eval1(BiFunction<Ops, Tensor, Tensor> f, HostTensor x) {
    return eval(ts -> ops -> f.apply(ops, ts.get(0)), x);
  }

  /** The value of a binary {@code f} at {@code (a, b)}. */
  public HostTensor eval2(BiFunction<Ops, List<Tensor>, Tensor> f, HostTensor a, HostTensor b) {
    return eval(ts -> ops -> f.apply(ops, ts), a, b);
  }

  /**
   * The gradient the backend computes for scalar {@code f} with respect to each of {@code points}
   * (held as trainable parameters {@code p0, p1, ...}), read off one SGD step with learning rate 1.
   */
  public List<HostTensor> gradients(BiFunction<Ops, List<Tensor>, Tensor> f, HostTensor... points) {
    ParameterStore store = new ParameterStore(0);
    for (int i = 0; i < points.length; i++) {
      HostTensor p = points[i];
      store.trainable("p" + i, p.shape(), (shape, fanIn, fanOut, r) -> p.data().clone(), 1, 1);
    }
    TrainingStep step = new TrainingStep("check", (ops, batch) -> Losses.of(f.apply(ops, params(ops, points.length))),
        ParameterGroup.all(), new OptimizerSpec.Sgd(1.0, 0, 0));
    try (ComputeSession s = backend.open(store, 0)) {
      s.trainer(TrainingProgram.single(step)).step("check", Map.of());
      Map<String, HostTensor> after = s.readState();
      HostTensor[] grads = new HostTensor[points.length];
      for (int i = 0; i < points.length; i++) {
        float[] before = points[i].data();
        float[] now = after.get("p" + i).data();
        float[] g = new float[before.length];
        for (int j = 0; j < g.length; j++) {
          g[j] = before[j] - now[j];
        }
        grads[i] = new HostTensor(g, points[i].shape());
      }
      return List.of(grads);
    }
  }

  /** Central finite differences of scalar {@code f} with respect to each point, step {@code eps}. */
  public List<HostTensor> numericGradients(BiFunction<Ops, List<Tensor>, Tensor> f, double eps, HostTensor... points) {
    ParameterStore store = new ParameterStore(0);
    for (int i = 0; i < points.length; i++) {
      HostTensor p = points[i];
      store.trainable("p" + i, p.shape(), Initializers.zeros(), 1, 1);
    }
    try (ComputeSession s = backend.open(store, 0)) {
      CompiledFunction fn = s.compile((ops, in) -> Map.of("y", f.apply(ops, params(ops, points.length))));
      HostTensor[] out = new HostTensor[points.length];
      for (int i = 0; i < points.length; i++) {
        float[] g = new float[points[i].size()];
        for (int j = 0; j < g.length; j++) {
          double plus = valueAt(s, fn, points, i, j, eps);
          double minus = valueAt(s, fn, points, i, j, -eps);
          g[j] = (float) ((plus - minus) / (2 * eps));
        }
        out[i] = new HostTensor(g, points[i].shape());
      }
      return List.of(out);
    }
  }

  private static double valueAt(ComputeSession s, CompiledFunction fn, HostTensor[] points, int which, int index,
      double delta) {
    Map<String, HostTensor> state = new LinkedHashMap<>();
    for (int i = 0; i < points.length; i++) {
      float[] v = points[i].data().clone();
      if (i == which) {
        v[index] = (float) (v[index] + delta);
      }
      state.put("p" + i, new HostTensor(v, points[i].shape()));
    }
    s.writeState(state);
    return fn.apply(Map.of()).get("y").item();
  }

  private static List<Tensor> params(Ops ops, int n) {
    Tensor[] ts = new Tensor[n];
    for (int i = 0; i < n; i++) {
      ts[i] = ops.param("p" + i);
    }
    return List.of(ts);
  }

  /** Uniform values in {@code [lo, hi)} of the given shape, from {@code seed}. */
  public static HostTensor random(long seed, float lo, float hi, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    HostTensor t = HostTensor.zeros(shape);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return t;
  }

  /** Values away from zero ({@code |v| in [0.2, 1.5]}, random sign): safe for kinks at 0. */
  public static HostTensor awayFromZero(long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    HostTensor t = HostTensor.zeros(shape);
    for (int i = 0; i < t.size(); i++) {
      double m = 0.2 + 1.3 * r.nextDouble();
      t.data()[i] = (float) (r.nextBoolean() ? m : -m);
    }
    return t;
  }
}
