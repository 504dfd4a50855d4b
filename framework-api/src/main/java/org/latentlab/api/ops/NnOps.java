package org.latentlab.api.ops;

import org.latentlab.api.tensor.Tensor;

/**
 * Activations, convolutions and pooling. Images are NCHW. Kernels, strides and paddings are square.
 */
public interface NnOps {
  Tensor relu(Tensor x);

  /** {@code x} where positive, {@code alpha * x} elsewhere. */
  Tensor leakyRelu(Tensor x, float alpha);

  Tensor sigmoid(Tensor x);

  Tensor tanh(Tensor x);

  /** {@code log(1 + exp(x))}, computed stably. */
  Tensor softplus(Tensor x);

  /** Softmax along {@code axis}. */
  Tensor softmax(Tensor x, int axis);

  /** Log of the softmax along {@code axis}, computed stably. */
  Tensor logSoftmax(Tensor x, int axis);

  /**
   * 2-D cross-correlation. {@code x: [n, cin, h, w]}, {@code weight: [cout, cin, k, k]}; output
   * {@code [n, cout, (h + 2p - k) / s + 1, ...]}. No bias (add it with {@link MathOps#add}).
   */
  Tensor conv2d(Tensor x, Tensor weight, int stride, int padding);

  /**
   * Transposed convolution (the gradient of {@link #conv2d} with respect to its input).
   * {@code x: [n, cin, h, w]}, {@code weight: [cin, cout, k, k]}; output side
   * {@code (h - 1) * s - 2p + k + outputPadding}.
   */
  Tensor convTranspose2d(Tensor x, Tensor weight, int stride, int padding, int outputPadding);

  /** Max pooling with a square window. */
  Tensor maxPool2d(Tensor x, int kernel, int stride, int padding);

  /** Average pooling with a square window (padding counts as zeros). */
  Tensor avgPool2d(Tensor x, int kernel, int stride, int padding);
}
