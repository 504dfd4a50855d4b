package org.latentlab.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.ops.LossOps;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.NnOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.ops.RandomOps;
import org.latentlab.api.ops.ShapeOps;
import org.latentlab.api.ops.StandardLossOps;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.OptimizerUpdate;
import org.latentlab.api.train.TrainingStep;

/**
 * {@link Ops} on DJL, eager: every op runs at once. Results are attached to the manager of the
 * current call (a training step or a function call), which is closed afterwards, so nothing leaks
 * into the session; parameters stay owned by the session.
 */
class DjlOps implements Ops {
  private final Map<String, NDArray> values;
  private final NDManager scope;
  private final boolean training;
  private final InputGradients inputGradients;
  private final Map<String, NDArray> assignments = new LinkedHashMap<>();
  private final DjlMathOps math = new DjlMathOps(this);
  private final DjlNnOps nn = new DjlNnOps(this);
  private final DjlShapeOps shape = new DjlShapeOps(this);
  private final DjlRandomOps random = new DjlRandomOps(this);
  private final LossOps losses = new StandardLossOps(this);

  /**
   * @param values         the session's parameters and state by name
   * @param scope          owner of every result of this call
   * @param training       the value of {@link #training()}
   * @param inputGradients how {@link #gradients} is served in this call
   */
  DjlOps(Map<String, NDArray> values, NDManager scope, boolean training, InputGradients inputGradients) {
    this.values = values;
    this.scope = scope;
    this.training = training;
    this.inputGradients = inputGradients;
  }

  NDManager scope() {
    return scope;
  }

  /** Wraps an op result, making this call's manager its owner. */
  Tensor wrap(NDArray result) {
    return new DjlTensor(wrapped(result));
  }

  /** Makes this call's manager the owner of an intermediate result and returns it. */
  NDArray wrapped(NDArray intermediate) {
    if (intermediate.getManager() != scope) {
      intermediate.attach(scope);
    }
    return intermediate;
  }

  static NDArray arr(Tensor t) {
    return DjlTensor.of(t);
  }

  static Shape shapeOf(int... dims) {
    long[] s = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      s[i] = dims[i];
    }
    return new Shape(s);
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

  /** {@inheritDoc} The array is a copy the engine owns (see {@link #engineOwned}). */
  @Override
  public Tensor constant(HostTensor value) {
    return new DjlTensor(engineOwned(scope, value));
  }

  /**
   * A copy of host data in storage PyTorch allocated, owned by {@code manager}. DJL makes an array from host
   * data as a view of a Java direct buffer (torch {@code from_blob}) that only that array object keeps alive;
   * storage shared with it (an interned value, a tensor autograd saved) could outlive the buffer and read freed
   * memory, the failure {@link DjlMathOps#scale} had with DJL's scalar operands.
   */
  static NDArray engineOwned(NDManager manager, HostTensor value) {
    try (NDArray fromHost = manager.create(value.data(), shapeOf(value.shape()))) {
      return fromHost.duplicate();
    }
  }

  @Override
  public Tensor param(String name) {
    NDArray a = values.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter or state '" + name + "' in this session; known: " + values.keySet());
    }
    return new DjlTensor(a);
  }

  @Override
  public void assign(String name, Tensor value) {
    NDArray current = values.get(name);
    if (current == null) {
      throw new IllegalArgumentException("cannot assign unknown state '" + name + "'");
    }
    NDArray v = arr(value);
    if (!v.getShape().equals(current.getShape())) {
      throw new IllegalArgumentException("assign to '" + name + "': shape " + v.getShape() + " differs from "
          + current.getShape());
    }
    assignments.put(name, v);
  }

  /** The state updates scheduled during this call, in order. */
  Map<String, NDArray> assignments() {
    return assignments;
  }

  /**
   * The new values of the parameters {@code names} after {@code step}'s optimizer update with
   * {@code grads}, computed by {@link OptimizerUpdate}; slot updates land in {@link #assignments()}.
   */
  List<NDArray> optimizerUpdate(TrainingStep step, List<String> names, List<NDArray> grads) {
    List<Tensor> g = new ArrayList<>(grads.size());
    for (NDArray a : grads) {
      g.add(wrap(a));
    }
    List<Tensor> updated = OptimizerUpdate.apply(this, step, names, g);
    List<NDArray> out = new ArrayList<>(updated.size());
    for (Tensor t : updated) {
      out.add(arr(t));
    }
    return out;
  }

  /** The session's array called {@code name}, or {@code null}. */
  NDArray value(String name) {
    return values.get(name);
  }

  @Override
  public Tensor stopGradient(Tensor x) {
    return wrap(arr(x).stopGradient());
  }

  @Override
  public List<Tensor> gradients(Tensor y, List<Tensor> xs) {
    return inputGradients.gradients(this, y, xs);
  }

  @Override
  public boolean training() {
    return training;
  }
}
