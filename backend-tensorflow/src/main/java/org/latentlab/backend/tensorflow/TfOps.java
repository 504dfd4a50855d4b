package org.latentlab.backend.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.latentlab.api.ops.LossOps;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.NnOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.ops.RandomOps;
import org.latentlab.api.ops.ShapeOps;
import org.latentlab.api.ops.StandardLossOps;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * {@link Ops} on TensorFlow: each call adds ops to the session's graph. One instance traces one
 * function or training step. Every store entry is read at most once per trace (so gradients with
 * respect to a parameter see all its uses), and assignments become variable updates that run after
 * every read of the trace (control dependencies), so reads in the same call see the old values.
 */
final class TfOps implements Ops {
  private final TfComputeSession session;
  private final org.tensorflow.op.Ops tf;
  private final boolean training;
  private final String prefix;
  private final Map<String, ReadVariableOp<TFloat32>> reads = new LinkedHashMap<>();
  private final Map<String, Operand<TFloat32>> assignments = new LinkedHashMap<>();
  private final List<Function<org.tensorflow.op.Ops, Op>> inPlaceUpdates = new ArrayList<>();
  private final TfMathOps math;
  private final TfNnOps nn;
  private final TfShapeOps shape;
  private final TfRandomOps random;
  private final LossOps losses;
  private int gradientCalls;
  private Placeholder<TInt64> randomStep;

  TfOps(TfComputeSession session, boolean training) {
    this.session = session;
    this.tf = session.tf();
    this.training = training;
    this.prefix = session.nextTracePrefix();
    this.math = new TfMathOps(this);
    this.nn = new TfNnOps(this);
    this.shape = new TfShapeOps(this);
    this.random = new TfRandomOps(this);
    this.losses = new StandardLossOps(this);
  }

  org.tensorflow.op.Ops tf() {
    return tf;
  }

  TfComputeSession session() {
    return session;
  }

  /**
   * The trace's random-step input, created with its first random op: random ops are seeded with it,
   * and each run feeds the training step's (or the function call's) number.
   */
  Placeholder<TInt64> randomStep() {
    if (randomStep == null) {
      randomStep = tf.placeholder(TInt64.class, Placeholder.shape(org.tensorflow.ndarray.Shape.scalar()));
    }
    return randomStep;
  }

  /** The random-step input if the trace has random ops, else {@code null}. */
  Placeholder<TInt64> randomStepInput() {
    return randomStep;
  }

  /** A result in the API's layout. */
  Tensor wrap(Operand<TFloat32> operand) {
    return TfTensor.of(tf, operand);
  }

  /** A rank-4 image result held channels-last (see {@link TfTensor}). */
  Tensor wrapChannelsLast(Operand<TFloat32> nhwc) {
    return TfTensor.channelsLast(tf, nhwc);
  }

  /** The graph output behind {@code t}, in the API's layout. */
  static Operand<TFloat32> op(Tensor t) {
    return TfTensor.of(t);
  }

  /** A rank-4 image channels-last, as TensorFlow's convolution and pooling kernels take it. */
  static Operand<TFloat32> channelsLast(Tensor t) {
    return TfTensor.cast(t).nhwc();
  }

  /** An element-wise op of one tensor, in the layout the tensor has. */
  Tensor unary(Tensor x, UnaryOperator<Operand<TFloat32>> f) {
    TfTensor t = TfTensor.cast(x);
    return t.isChannelsLast() ? wrapChannelsLast(f.apply(t.nhwc())) : wrap(f.apply(t.nchw()));
  }

  /**
   * An element-wise op of two tensors with broadcasting: channels-last when either is a channels-last
   * image and the other is rank 4 as well (a per-channel bias {@code [1, c, 1, 1]} changes layout for
   * free) or a single value; in the API's layout otherwise.
   */
  Tensor binary(Tensor a, Tensor b, BinaryOperator<Operand<TFloat32>> f) {
    TfTensor x = TfTensor.cast(a);
    TfTensor y = TfTensor.cast(b);
    if ((x.isChannelsLast() || y.isChannelsLast()) && fitsChannelsLast(x) && fitsChannelsLast(y)) {
      return wrapChannelsLast(f.apply(channelsLastOrSingle(x), channelsLastOrSingle(y)));
    }
    return wrap(f.apply(x.nchw(), y.nchw()));
  }

  /**
   * {@code a + b} as TensorFlow's {@code BiasAdd} when one is a channels-last image and the other a
   * per-channel bias {@code [1, c, 1, 1]}: the graph optimiser fuses a convolution, its {@code BiasAdd}
   * and a following activation into one kernel, which it does not for a broadcasting {@code Add}.
   * {@code null} when the operands are not of that form.
   */
  Tensor biasAdd(Tensor a, Tensor b) {
    TfTensor x = TfTensor.cast(a);
    TfTensor y = TfTensor.cast(b);
    if (!x.isChannelsLast()) {
      if (!y.isChannelsLast()) {
        return null;
      }
      TfTensor swap = x;
      x = y;
      y = swap;
    }
    int[] bias = y.shape();
    int channels = x.shape()[1];
    if (bias.length != 4 || bias[0] != 1 || bias[1] != channels || bias[2] != 1 || bias[3] != 1) {
      return null;
    }
    return wrapChannelsLast(tf.nn.biasAdd(x.nhwc(), tf.reshape(y.nchw(), ints(channels))));
  }

  /** A reduction of every element to a scalar, on the tensor in whichever layout it has. */
  Tensor reduceAll(Tensor x, BiFunction<Operand<TFloat32>, Operand<TInt32>, Operand<TFloat32>> f) {
    TfTensor t = TfTensor.cast(x);
    Operand<TFloat32> physical = t.isChannelsLast() ? t.nhwc() : t.nchw();
    int[] axes = new int[t.rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return wrap(f.apply(physical, ints(axes)));
  }

  private static boolean fitsChannelsLast(TfTensor t) {
    if (t.rank() == 4) {
      return true;
    }
    for (int d : t.shape()) {
      if (d != 1) {
        return false;
      }
    }
    return true;
  }

  private static Operand<TFloat32> channelsLastOrSingle(TfTensor t) {
    return t.rank() == 4 ? t.nhwc() : t.nchw();
  }

  /** An int32 vector constant. */
  Operand<TInt32> ints(int... values) {
    return tf.constant(values);
  }

  /** A float scalar constant. */
  Operand<TFloat32> scalarOp(float value) {
    return tf.constant(value);
  }

  /**
   * One placeholder per input of {@code batch}, with the input's full static shape; each is put in
   * {@code placeholders} (to be fed) and returned as the tensor the traced function sees.
   */
  Map<String, Tensor> placeholders(Map<String, HostTensor> batch, Map<String, Placeholder<TFloat32>> placeholders) {
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    batch.forEach((name, v) -> {
      Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(HostTensors.shapeOf(v.shape())));
      placeholders.put(name, p);
      inputs.put(name, wrap(p));
    });
    return inputs;
  }

  @Override
  public MathOps math() {
    return math;
  }

  @Override
  public NnOps nn() {
    return nn;
  }

  @Override
  public ShapeOps shape() {
    return shape;
  }

  @Override
  public RandomOps random() {
    return random;
  }

  @Override
  public LossOps losses() {
    return losses;
  }

  @Override
  public Tensor constant(HostTensor value) {
    return wrap(tf.constant(HostTensors.shapeOf(value.shape()), DataBuffers.of(value.data(), true, false)));
  }

  @Override
  public Tensor param(String name) {
    return wrap(read(name));
  }

  /**
   * Whether {@code y} depends on this trace's read of store entry {@code name} through data inputs (TensorFlow
   * refuses to differentiate with respect to a node the output cannot reach, e.g. the weights of an encoder block
   * a loss computes but does not use).
   */
  boolean reaches(Operand<TFloat32> y, String name) {
    Operand<TFloat32> read = reads.get(name);
    if (read == null) {
      return false;
    }
    if (ancestors == null || ancestorsOf != y) {
      ancestors = ancestors(y);
      ancestorsOf = y;
    }
    return ancestors.contains(read.op().name());
  }

  /** Names of {@code y}'s operation and of every operation it depends on through data inputs. */
  private static java.util.Set<String> ancestors(Operand<TFloat32> y) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<GraphOperation> pending = new java.util.ArrayDeque<>();
    pending.add((GraphOperation) y.op());
    while (!pending.isEmpty()) {
      GraphOperation op = pending.pop();
      if (seen.add(op.name())) {
        for (int i = 0; i < op.numInputs(); i++) {
          pending.push((GraphOperation) op.input(i).op());
        }
      }
    }
    return seen;
  }

  private java.util.Set<String> ancestors;
  private Operand<TFloat32> ancestorsOf;

  /** This trace's read of store entry {@code name}, created on first use. */
  Operand<TFloat32> read(String name) {
    return reads.computeIfAbsent(name, n -> tf.readVariableOp(session.variable(n).handle(), TFloat32.class));
  }

  @Override
  public void assign(String name, Tensor value) {
    schedule(name, op(value));
  }

  /** Schedules {@code value} as the new value of entry {@code name} (any kind: the trainer updates parameters). */
  void schedule(String name, Operand<TFloat32> value) {
    TfVariable v = session.variable(name);
    int[] shape = TfTensor.staticShape(value);
    if (!Arrays.equals(shape, v.shape())) {
      throw new IllegalArgumentException("assign to '" + name + "': shape " + Arrays.toString(shape) + " differs from "
          + Arrays.toString(v.shape()));
    }
    assignments.put(name, value);
  }

  /**
   * Schedules an op that updates variables in place (a fused optimizer kernel); it is built with the
   * given {@code Ops}, which orders it after every read of the trace.
   */
  void scheduleInPlace(Function<org.tensorflow.op.Ops, Op> update) {
    inPlaceUpdates.add(update);
  }

  /** Names of the entries this trace assigns. */
  List<String> assigned() {
    return new ArrayList<>(assignments.keySet());
  }

  /**
   * The variable updates of this trace as one op: every scheduled assignment and in-place update, each
   * running after all reads of the trace. {@code null} when nothing is assigned.
   */
  Op updates() {
    if (assignments.isEmpty() && inPlaceUpdates.isEmpty()) {
      return null;
    }
    org.tensorflow.op.Ops ordered = tf.withControlDependencies(new ArrayList<Op>(reads.values()));
    List<Op> writes = new ArrayList<>();
    assignments.forEach((name, value) -> writes.add(ordered.assignVariableOp(session.variable(name).handle(), value)));
    inPlaceUpdates.forEach(update -> writes.add(update.apply(ordered)));
    return tf.withControlDependencies(writes).noOp();
  }

  @Override
  public Tensor stopGradient(Tensor x) {
    return unary(x, tf::stopGradient);
  }

  @Override
  public List<Tensor> gradients(Tensor y, List<Tensor> xs) {
    // An image held channels-last is differentiated in that layout: its API-layout view is made on demand,
    // downstream of the ops that read the channels-last value, so no gradient would reach the view.
    List<TfTensor> sources = xs.stream().map(TfTensor::cast).toList();
    Operand<TFloat32>[] grads = symbolicGradients(op(y),
        sources.stream().map(t -> t.isChannelsLast() ? t.nhwc() : t.nchw()).toList());
    List<Tensor> out = new ArrayList<>(grads.length);
    for (int i = 0; i < grads.length; i++) {
      out.add(sources.get(i).isChannelsLast() ? wrapChannelsLast(grads[i]) : wrap(grads[i]));
    }
    return out;
  }

  /**
   * Symbolic gradients of {@code y} (summed to a scalar first) with respect to {@code xs}, seeded with a
   * constant 1 (which, unlike {@code OnesLike}, can itself be differentiated through). Inputs that
   * {@code y} does not depend on get zeros.
   */
  @SuppressWarnings("unchecked")
  Operand<TFloat32>[] symbolicGradients(Operand<TFloat32> y, List<Operand<TFloat32>> xs) {
    Operand<TFloat32> scalar = y.shape().numDimensions() == 0 ? y : math.sumAll(y);
    Output<?>[] x = new Output<?>[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = xs.get(i).asOutput();
    }
    Output<?>[] dy = {tf.constant(1f).asOutput()};
    Output<?>[] g = session.graph().addGradients(prefix + "_grad" + (++gradientCalls),
        new Output<?>[] {scalar.asOutput()}, x, dy);
    Operand<TFloat32>[] out = new Operand[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = absent(g[i])
          ? tf.zeros(ints(TfTensor.staticShape(xs.get(i))), TFloat32.class)
          : (Operand<TFloat32>) g[i];
    }
    return out;
  }

  /**
   * Whether TensorFlow found no gradient path: it then returns no output, or (from TensorFlow Java)
   * an output of an operation with no native handle.
   */
  private static boolean absent(Output<?> g) {
    if (g == null) {
      return true;
    }
    TF_Operation handle = ((GraphOperation) g.op()).getUnsafeNativeHandle();
    return handle == null || handle.isNull();
  }

  @Override
  public boolean training() {
    return training;
  }
}
