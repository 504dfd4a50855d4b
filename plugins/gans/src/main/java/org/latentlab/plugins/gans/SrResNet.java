package org.latentlab.plugins.gans;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/**
 * The super-resolution generator, a small SRResNet (Ledig et al. 2017, Figure 4): a 3x3 convolution to
 * {@code ch} maps + ReLU ({@code h0}); {@code B} residual blocks {@code h + 0.1 Conv(ReLU(Conv(h)))}; a 3x3
 * convolution added back to {@code h0} (the long skip); per doubling a convolution to {@code 4 ch} maps, a
 * pixel shuffle (the sub-pixel convolution of Shi et al. 2016) and ReLU; a 3x3 convolution to the image's
 * channels, added to the input upscaled by nearest neighbour, so the network learns the detail that pixel
 * repetition lacks. Unlike the paper the blocks have no batch norm and their branches are scaled by 0.1 (as EDSR,
 * Lim et al. 2017, found better and stabler for super-resolution), and they use ReLU for PReLU. The output is
 * linear, not squashed: a sigmoid saturated in early training here, stuck at black images; the model clips its
 * inference output to [0, 1].
 */
final class SrResNet implements Layer {
  /** Scale of each residual branch (EDSR's residual scaling). */
  private static final float RESIDUAL_SCALE = 0.1f;
  private final Layer head;
  private final List<Layer> blocks = new ArrayList<>();
  private final Layer trunkEnd;
  private final List<Layer> upsampling = new ArrayList<>();
  private final Layer tail;
  private final int channels;
  private final int factor;

  /** A generator for {@code c}-channel images, upscaling by {@code factor} (a power of 2). */
  SrResNet(Scope scope, int c, int ch, int blockCount, int factor) {
    this.channels = c;
    this.factor = factor;
    this.head = Sequential.of(new Conv2d(scope.child("head"), c, ch, 3, 1, 1), Activation.relu());
    for (int b = 0; b < blockCount; b++) {
      Scope s = scope.child("block" + (b + 1));
      blocks.add(Sequential.of(new Conv2d(s.child("conv1"), ch, ch, 3, 1, 1), Activation.relu(),
          new Conv2d(s.child("conv2"), ch, ch, 3, 1, 1)));
    }
    this.trunkEnd = new Conv2d(scope.child("trunk-end"), ch, ch, 3, 1, 1);
    for (int u = 1; u < factor; u *= 2) {
      Layer conv = new Conv2d(scope.child("upsample" + (upsampling.size() + 1)), ch, 4 * ch, 3, 1, 1);
      upsampling.add(Sequential.of(conv, (ops, x) -> pixelShuffle(ops, x, ch), Activation.relu()));
    }
    this.tail = new Conv2d(scope.child("tail"), ch, c, 3, 1, 1, Initializers.glorotNormal());
  }

  @Override
  public Tensor apply(Ops ops, Tensor lowResolution) {
    Tensor h0 = head.apply(ops, lowResolution);
    Tensor h = h0;
    for (Layer block : blocks) {
      h = ops.math().add(h, ops.math().scale(block.apply(ops, h), RESIDUAL_SCALE));
    }
    h = ops.math().add(h0, trunkEnd.apply(ops, h));
    for (Layer up : upsampling) {
      h = up.apply(ops, h);
    }
    return ops.math().add(nearest(ops, lowResolution), tail.apply(ops, h));
  }

  /** {@code [n, c, h, w] -> [n, c, f h, f w]}, each pixel repeated as an {@code f x f} block. */
  private Tensor nearest(Ops ops, Tensor x) {
    Tensor y = x;
    for (int u = 1; u < factor; u *= 2) {
      int h = y.dim(2);
      int w = y.dim(3);
      Tensor one = ops.shape().reshape(y, -1, channels, 1, h, w);
      Tensor four = ops.shape().concat(List.of(one, one, one, one), 2);
      y = pixelShuffle(ops, ops.shape().reshape(four, -1, 4 * channels, h, w), channels);
    }
    return y;
  }

  /**
   * Rearranges {@code [n, 4c, h, w]} to {@code [n, c, 2h, 2w]}: output pixel {@code (2i + a, 2j + b)} of map
   * {@code k} is input map {@code 4k + 2a + b} at {@code (i, j)} (PyTorch's {@code PixelShuffle(2)}).
   */
  static Tensor pixelShuffle(Ops ops, Tensor x, int c) {
    int h = x.dim(2);
    int w = x.dim(3);
    Tensor split = ops.shape().reshape(x, -1, c, 2, 2, h, w);
    Tensor interleaved = ops.shape().transpose(split, 0, 1, 4, 2, 5, 3);
    return ops.shape().reshape(interleaved, -1, c, 2 * h, 2 * w);
  }
}
