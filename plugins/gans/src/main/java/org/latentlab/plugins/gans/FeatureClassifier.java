package org.latentlab.plugins.gans;

import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/**
 * The feature network of the SRGAN perceptual loss: a classifier with the architecture of the evaluators' domain
 * classifier (LeNet-like: Conv(c&rarr;32, 3x3, pad 1) + ReLU + max-pool 2, Conv(32&rarr;64, 3x3, pad 1) + ReLU +
 * max-pool 2, Dense(&rarr;128) + ReLU, the features, Dense(&rarr;classes)), trained by {@link Srgan} on the
 * labelled training batches with softmax cross-entropy.
 */
final class FeatureClassifier {
  private final Sequential trunk;
  private final Dense head;

  /** Declares the classifier's parameters under {@code scope} for images of {@code data}'s shape. */
  FeatureClassifier(Scope scope, DataShape data) {
    Layer pool = (ops, x) -> ops.nn().maxPool2d(x, 2, 2, 0);
    int flat = 64 * (data.height() / 4) * (data.width() / 4);
    this.trunk = Sequential.of(new Conv2d(scope.child("conv1"), data.channels(), 32, 3, 1, 1), Activation.relu(), pool,
        new Conv2d(scope.child("conv2"), 32, 64, 3, 1, 1), Activation.relu(), pool,
        Reshape.flatten(), new Dense(scope.child("fc"), flat, 128), Activation.relu());
    this.head = new Dense(scope.child("out"), 128, data.numClasses());
  }

  /** Penultimate features {@code [n, 128]} of images {@code [n, c, h, w]}. */
  Tensor features(Ops ops, Tensor x) {
    return trunk.apply(ops, x);
  }

  /** Class logits {@code [n, classes]} of the features. */
  Tensor logits(Ops ops, Tensor features) {
    return head.apply(ops, features);
  }
}
