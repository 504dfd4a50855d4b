package org.latentlab.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.OptimizerUpdate;
import org.latentlab.api.train.TrainingStep;

/**
 * Runs {@link OptimizerUpdate} once for a whole parameter group: the group's parameters, gradients
 * and per-parameter optimizer slots are joined into single vectors, the neutral update runs on those,
 * and the results are split back (as views, no copy). The arithmetic is exactly the per-parameter
 * one, because every {@link org.latentlab.api.train.OptimizerSpec} update is element-wise apart from
 * shared scalars (Adam's step count); it only needs a dozen kernel launches instead of a dozen per
 * parameter, which is most of what an update of a small model otherwise costs.
 *
 * <p>The update addresses the joined vector as one parameter named {@link #JOINED}, so its slots are
 * {@code optimizer/<step>/<JOINED>/<slot>}; these names are mapped to the per-parameter slots
 * {@code optimizer/<step>/<param>/<slot>} that the store holds.
 */
final class GroupUpdate extends DjlOps {
  /** The name of the joined parameter; it cannot clash with a store entry (no path has a NUL). */
  static final String JOINED = "\u0000group";

  private final String base;
  private final String joinedSlots;
  private final List<String> names;
  private final long[] splitPoints;
  private final Map<String, NDArray> joined = new HashMap<>();

  /**
   * @param values the session's arrays
   * @param scope  owner of every intermediate of this update
   * @param step   the step whose optimizer runs
   * @param names  the group's parameters, in order
   */
  GroupUpdate(Map<String, NDArray> values, NDManager scope, TrainingStep step, List<String> names) {
    super(values, scope, false, InputGradients.REFUSED_IN_STEP);
    this.base = "optimizer/" + step.name() + "/";
    this.joinedSlots = base + JOINED + "/";
    this.names = names;
    this.splitPoints = new long[names.size() - 1];
    long offset = 0;
    for (int i = 0; i < splitPoints.length; i++) {
      offset += values.get(names.get(i)).size();
      splitPoints[i] = offset;
    }
  }

  @Override
  List<NDArray> optimizerUpdate(TrainingStep step, List<String> params, List<NDArray> grads) {
    NDArray joinedGrad = join(grads);
    return split(super.optimizerUpdate(step, List.of(JOINED), List.of(joinedGrad)).get(0));
  }

  @Override
  public Tensor param(String name) {
    if (name.equals(JOINED)) {
      return wrap(joined.computeIfAbsent(name, n -> join(arrays(""))));
    }
    if (name.startsWith(joinedSlots)) {
      String slot = name.substring(joinedSlots.length());
      return wrap(joined.computeIfAbsent(name, n -> join(arrays(slot))));
    }
    return super.param(name);
  }

  @Override
  public void assign(String name, Tensor value) {
    if (!name.startsWith(joinedSlots)) {
      super.assign(name, value);
      return;
    }
    String slot = name.substring(joinedSlots.length());
    List<NDArray> pieces = split(arr(value));
    for (int i = 0; i < names.size(); i++) {
      super.assign(base + names.get(i) + "/" + slot, wrap(pieces.get(i)));
    }
  }

  /** The group's parameters ({@code slot} empty) or their optimizer slot {@code slot}. */
  private List<NDArray> arrays(String slot) {
    List<NDArray> out = new ArrayList<>(names.size());
    for (String n : names) {
      String entry = slot.isEmpty() ? n : base + n + "/" + slot;
      NDArray a = value(entry);
      if (a == null) {
        throw new IllegalStateException("optimizer slot '" + entry + "' was not declared");
      }
      out.add(a);
    }
    return out;
  }

  private NDArray join(List<NDArray> arrays) {
    NDList flat = new NDList(arrays.size());
    for (NDArray a : arrays) {
      flat.add(wrapped(a.reshape(-1)));
    }
    return wrapped(NDArrays.concat(flat));
  }

  private List<NDArray> split(NDArray vector) {
    NDList pieces = vector.split(splitPoints);
    List<NDArray> out = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      NDArray piece = wrapped(pieces.get(i));
      out.add(wrapped(piece.reshape(value(names.get(i)).getShape())));
    }
    return out;
  }
}
