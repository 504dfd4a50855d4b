package org.latentlab.plugins.selfsupervised;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.api.nn.BatchNorm;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.Tensor;

/**
 * The encoder every pretext task of the family shares, so their features are compared on equal terms: for each
 * entry {@code c_k} of {@code channels} a block Conv(3x3, stride 1, pad 1) + batch norm + ReLU, then 2x2 max
 * pooling (28 -> 14 -> 7 -> 3 for three blocks); the feature is the global average of the last block's maps
 * ({@code c_B} values). Its {@code encode} outputs are that feature ({@code z}) and each block's output,
 * average-pooled until it has at most {@value #MAX_BLOCK_FEATURES} values, flattened ({@code block-k}), for
 * probes per block (Gidaris et al. 2018 found an inner block best for rotation prediction).
 */
final class ConvEncoder {
  /** Most values a block output given to probes may have. */
  static final int MAX_BLOCK_FEATURES = 2048;

  private final List<Conv2d> convs = new ArrayList<>();
  private final List<BatchNorm> norms = new ArrayList<>();
  private final List<Integer> channels;

  /** The encoder of images with {@code inChannels} channels, declared under {@code scope}. */
  ConvEncoder(Scope scope, int inChannels, List<Integer> channels) {
    this.channels = List.copyOf(channels);
    int in = inChannels;
    for (int k = 0; k < channels.size(); k++) {
      Scope block = scope.child("block" + (k + 1));
      convs.add(new Conv2d(block.child("conv"), in, channels.get(k), 3, 1, 1, Initializers.heNormal()));
      norms.add(new BatchNorm(block.child("bn"), channels.get(k)));
      in = channels.get(k);
    }
  }

  /** Size of the feature {@link #feature} gives. */
  int featureSize() {
    return channels.get(channels.size() - 1);
  }

  /** Each block's output maps {@code [n, c_k, h_k, w_k]}, from the input side. */
  List<Tensor> blocks(Ops ops, Tensor x) {
    List<Tensor> out = new ArrayList<>();
    Tensor h = x;
    for (int k = 0; k < convs.size(); k++) {
      h = ops.nn().relu(norms.get(k).apply(ops, convs.get(k).apply(ops, h)));
      h = ops.nn().maxPool2d(h, 2, 2, 0);
      out.add(h);
    }
    return out;
  }

  /** The feature: the last block's maps averaged over space, {@code [n, c_B]}. */
  Tensor feature(Ops ops, Tensor x) {
    return pooledFeature(ops, last(blocks(ops, x)));
  }

  /** The {@code encode} outputs: {@code z} and {@code block-1 ... block-B}. */
  Map<String, Tensor> encodeOutputs(Ops ops, Tensor x) {
    List<Tensor> blocks = blocks(ops, x);
    Map<String, Tensor> out = new LinkedHashMap<>();
    out.put("z", pooledFeature(ops, last(blocks)));
    for (int k = 0; k < blocks.size(); k++) {
      out.put(Model.blockOutput(k + 1), probeView(ops, blocks.get(k)));
    }
    return out;
  }

  private static Tensor pooledFeature(Ops ops, Tensor maps) {
    return ops.math().mean(maps, false, 2, 3);
  }

  /** {@code maps} average-pooled by the smallest factor that leaves at most MAX_BLOCK_FEATURES values, flattened. */
  static Tensor probeView(Ops ops, Tensor maps) {
    int c = maps.dim(1);
    int h = maps.dim(2);
    int w = maps.dim(3);
    int factor = 1;
    while ((long) c * (h / factor) * (w / factor) > MAX_BLOCK_FEATURES && h / factor > 1) {
      factor++;
    }
    Tensor pooled = factor == 1 ? maps : ops.nn().avgPool2d(maps, factor, factor, 0);
    return ops.shape().flatten(pooled);
  }

  private static Tensor last(List<Tensor> blocks) {
    return blocks.get(blocks.size() - 1);
  }
}
