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
 * {@code ch} maps + ReLU ({@code h0}); {@code B} residual blocks {@code h + Conv(ReLU(Conv(h)))}; a 3x3
 * convolution added back to {@code h0} (the long skip); per doubling a convolution to {@code 4 ch} maps, a
 * pixel shuffle (the sub-pixel convolution of Shi et al. 2016) and ReLU; a 3x3 convolution to the image's
 * channels + sigmoid, so outputs lie in (0, 1) like the data. Unlike the paper the blocks have no batch norm
 * (as EDSR, Lim et al. 2017, found better for super-resolution) and use ReLU for PReLU.
 */
final class SrResNet implements Layer {
  private final Layer head;
  private final List<Layer> blocks = new ArrayList<>();
  private final Layer trunkEnd;
  private final List<Layer> upsampling = new ArrayList<>();
  private final Layer tail;

  /** A generator for {@code c}-channel images, upscaling by {@code factor} (a power of 2). */
  SrResNet(Scope scope, int c, int ch, int blockCount, int factor) {
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
    this.tail = Sequential.of(new Conv2d(scope.child("tail"), ch, c, 3, 1, 1, Initializers.glorotNormal()),
        Activation.sigmoid());
  }

  @Override
  public Tensor apply(Ops ops, Tensor lowResolution) {
    Tensor h0 = head.apply(ops, lowResolution);
    Tensor h = h0;
    for (Layer block : blocks) {
      h = ops.math().add(h, block.apply(ops, h));
    }
    h = ops.math().add(h0, trunkEnd.apply(ops, h));
    for (Layer up : upsampling) {
      h = up.apply(ops, h);
    }
    return tail.apply(ops, h);
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
