package org.latentlab.plugins.gans;

import java.util.List;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/**
 * The first layer of a conditional network as Mirza &amp; Osindero (2014) build it: the input and the
 * one-hot label are each mapped to a hidden layer of their own, {@code act(W_in input)} under
 * {@code <scope>/input} and {@code act(W_y e_y)} under {@code <scope>/label}, and the two are joined.
 * Each half is initialised for its own fan-in, so the few label units are not drowned out by the many
 * input units from the first step, as they are when the label is only concatenated to the input.
 */
final class LabelJoin {
  private final Dense input;
  private final Dense label;
  private final Layer activation;

  /** Maps {@code in} inputs and {@code classes} labels to {@code width} units each, joined into {@code 2 width}. */
  LabelJoin(Scope scope, int in, int classes, int width, Layer activation) {
    this.input = new Dense(scope.child("input"), in, width, Initializers.heNormal());
    this.label = new Dense(scope.child("label"), classes, width, Initializers.heNormal());
    this.activation = activation;
  }

  /** {@code [act(W_in x), act(W_y e_y)]}, {@code [n, 2 width]}, for rows {@code x} and one-hot labels. */
  Tensor apply(Ops ops, Tensor x, Tensor oneHot) {
    return ops.shape().concat(List.of(activation.apply(ops, input.apply(ops, x)),
        activation.apply(ops, label.apply(ops, oneHot))), 1);
  }
}
