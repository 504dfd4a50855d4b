package org.latentlab.plugins.gans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.ops.LossOps;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.NnOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.ops.RandomOps;
import org.latentlab.api.ops.ShapeOps;
import org.latentlab.api.params.ParameterKind;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * An exponential moving average of the generator's weights, from which samples are drawn (Yazici et al.,
 * "The Unusual Effectiveness of Averaging in GAN Training", ICLR 2019; also Karras et al. 2018). The
 * generator's trainable weights {@code generator/<name>} get a state twin {@code generator-average/<name>}
 * (beside the generator's scope),
 * starting from the same initial values, updated after every generator step as
 * {@code avg <- d_t avg + (1 - d_t) w} with {@code d_t = min(decay, (1 + t) / (10 + t))} and {@code t} the
 * updates so far (the warm-up of TensorFlow's {@code ExponentialMovingAverage}), so the early average is
 * not dominated by the random initial weights. The average follows the weights the step reads, one step
 * behind the optimizer's update. Batch-norm running statistics are shared with the trained generator.
 * Being state, the average is saved with checkpoints, so a resumed run repeats an uninterrupted one.
 */
final class GeneratorAverage {
  private final Map<String, String> averageOf;
  private final String updates;
  private final float decay;

  private GeneratorAverage(Map<String, String> averageOf, String updates, float decay) {
    this.averageOf = Map.copyOf(averageOf);
    this.updates = updates;
    this.decay = decay;
  }

  /**
   * Declares the average of every trainable weight under {@code generator} (declare after the generator).
   *
   * @param decay the long-run decay {@code d}, in (0, 1)
   */
  static GeneratorAverage declare(Scope generator, float decay) {
    ParameterStore store = generator.store();
    String prefix = generator.name("");
    String twins = generator.prefix() + "-average";
    Map<String, String> averageOf = new LinkedHashMap<>();
    for (ParameterStore.Entry e : store.entries()) {
      if (e.kind() == ParameterKind.TRAINABLE && e.name().startsWith(prefix)) {
        String twin = twins + "/" + e.name().substring(prefix.length());
        HostTensor initial = e.initialValue();
        store.declare(twin, ParameterKind.STATE, e.shape(), (shape, fanIn, fanOut, random) -> initial.data().clone(),
            1, 1);
        averageOf.put(e.name(), twin);
      }
    }
    if (averageOf.isEmpty()) {
      throw new IllegalStateException("no trainable weights under '" + prefix + "' to average");
    }
    String updates = store.state(twins + "-updates", new int[] {1}, 0f);
    return new GeneratorAverage(averageOf, updates, decay);
  }

  /** Moves every average towards its weight; call once in the generator's step. */
  void update(Ops ops) {
    MathOps m = ops.math();
    Tensor t = ops.param(updates);
    Tensor warmUp = m.div(m.addScalar(t, 1f), m.addScalar(t, 10f));
    Tensor d = m.minimum(warmUp, ops.scalar(decay));
    for (Map.Entry<String, String> e : averageOf.entrySet()) {
      Tensor w = ops.stopGradient(ops.param(e.getKey()));
      Tensor average = ops.param(e.getValue());
      ops.assign(e.getValue(), m.add(w, m.mul(d, m.sub(average, w))));
    }
    ops.assign(updates, m.addScalar(t, 1f));
  }

  /** {@code ops} reading the averaged weights wherever the generator reads its own. */
  Ops averaged(Ops ops) {
    return new Renamed(ops, averageOf);
  }

  /** Ops that read some parameters under other names; everything else is {@code ops}'. */
  private record Renamed(Ops ops, Map<String, String> names) implements Ops {
    @Override
    public MathOps math() {
      return ops.math();
    }

    @Override
    public NnOps nn() {
      return ops.nn();
    }

    @Override
    public ShapeOps shape() {
      return ops.shape();
    }

    @Override
    public RandomOps random() {
      return ops.random();
    }

    @Override
    public LossOps losses() {
      return ops.losses();
    }

    @Override
    public Tensor constant(HostTensor value) {
      return ops.constant(value);
    }

    @Override
    public Tensor param(String name) {
      return ops.param(names.getOrDefault(name, name));
    }

    @Override
    public void assign(String name, Tensor value) {
      ops.assign(name, value);
    }

    @Override
    public Tensor stopGradient(Tensor x) {
      return ops.stopGradient(x);
    }

    @Override
    public List<Tensor> gradients(Tensor y, List<Tensor> xs) {
      return ops.gradients(y, xs);
    }

    @Override
    public boolean training() {
      return ops.training();
    }
  }
}
