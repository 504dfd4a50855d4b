package org.latentlab.api.nn;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/** Layers applied one after the other. */
public final class Sequential implements Layer {
  private final List<Layer> layers;

  /** The given layers in order. */
  public Sequential(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  /** The given layers in order. */
  public static Sequential of(Layer... layers) {
    return new Sequential(List.of(layers));
  }

  @Override
  public Tensor apply(Ops ops, Tensor x) {
    Tensor y = x;
    for (Layer layer : layers) {
      y = layer.apply(ops, y);
    }
    return y;
  }

  /** The outputs of every layer, in order (for probing intermediate blocks). */
  public List<Tensor> applyAll(Ops ops, Tensor x) {
    List<Tensor> outs = new ArrayList<>();
    Tensor y = x;
    for (Layer layer : layers) {
      y = layer.apply(ops, y);
      outs.add(y);
    }
    return outs;
  }

  /** Number of layers. */
  public int size() {
    return layers.size();
  }
}
