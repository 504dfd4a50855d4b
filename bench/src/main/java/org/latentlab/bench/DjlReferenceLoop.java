package org.latentlab.bench;

import static org.latentlab.bench.QuickstartModel.CHANNELS;
import static org.latentlab.bench.QuickstartModel.FLAT;
import static org.latentlab.bench.QuickstartModel.INNER;
import static org.latentlab.bench.QuickstartModel.INPUT_NOISE;
import static org.latentlab.bench.QuickstartModel.LATENT;
import static org.latentlab.bench.QuickstartModel.SIDE;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The quickstart model trained directly on DJL with PyTorch, NCHW, the way a user of DJL would write
 * it: parameters are plain arrays that require gradients, each step runs the forward pass under a
 * {@link GradientCollector} in a per-step sub-manager (closed at the end, so nothing leaks), DJL's
 * {@link Adam} (the engine's fused update) updates every parameter in place, and the gradients are
 * zeroed for the next step.
 *
 * <p>This engine has no transposed convolution. Each k4 s2 p1 transposed convolution is written in
 * its exact sub-pixel form: a 2x2 convolution with padding 1 producing four phases per output channel,
 * a pixel shuffle (depth-to-space) interleaving them, and a one-pixel crop. Its weight
 * {@code [4 * out, in, 2, 2]} has exactly the transposed convolution's 16 taps per channel pair, so
 * the model and its arithmetic cost are those of the quickstart.
 */
final class DjlReferenceLoop implements ReferenceLoop {
  private static final Shape STRIDE_2 = new Shape(2, 2);
  private static final Shape STRIDE_1 = new Shape(1, 1);
  private static final Shape PAD_1 = new Shape(1, 1);
  private static final NDIndex CROP = new NDIndex(":, :, 1:-1, 1:-1");

  private final Engine engine;
  private final NDManager manager;
  private final Map<String, NDArray> params = new LinkedHashMap<>();
  private final Optimizer adam;
  private final SyntheticBatches batches;
  private final Shape inputShape;
  private final int batchSize;

  /**
   * Loads PyTorch with {@code threads} intra-op threads and one inter-op thread (unless the engine
   * is already loaded in this JVM) and draws the initial weights.
   */
  DjlReferenceLoop(int batchSize, int threads) {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    this.engine = Engine.getEngine("PyTorch");
    this.manager = engine.newBaseManager();
    this.batchSize = batchSize;
    this.inputShape = new Shape(batchSize, 1, SIDE, SIDE);
    this.batches = new SyntheticBatches(batchSize, SIDE * SIDE, QuickstartModel.SEED);
    Random random = new Random(QuickstartModel.SEED);
    weight(random, "conv1.w", QuickstartModel.he(16), CHANNELS, 1, 4, 4);
    bias("conv1.b", CHANNELS);
    weight(random, "conv2.w", QuickstartModel.he(CHANNELS * 16), 2 * CHANNELS, CHANNELS, 4, 4);
    bias("conv2.b", 2 * CHANNELS);
    weight(random, "enc.w", QuickstartModel.glorot(FLAT, LATENT), LATENT, FLAT);
    bias("enc.b", LATENT);
    weight(random, "dec.w", QuickstartModel.glorot(LATENT, FLAT), FLAT, LATENT);
    bias("dec.b", FLAT);
    weight(random, "deconv1.w", QuickstartModel.he(2 * CHANNELS * 4), 4 * CHANNELS, 2 * CHANNELS, 2, 2);
    bias("deconv1.b", 1, CHANNELS, 1, 1);
    weight(random, "deconv2.w", QuickstartModel.glorot(CHANNELS * 4, 4), 4, CHANNELS, 2, 2);
    bias("deconv2.b", 1, 1, 1, 1);
    this.adam = Optimizer.adam()
        .optLearningRateTracker(Tracker.fixed(QuickstartModel.LEARNING_RATE))
        .optBeta1(QuickstartModel.BETA1)
        .optBeta2(QuickstartModel.BETA2)
        .optEpsilon(QuickstartModel.EPSILON)
        .build();
  }

  @Override
  public float step() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(batches.next(), inputShape);
      NDArray loss;
      try (GradientCollector collector = engine.newGradientCollector()) {
        loss = loss(x);
        collector.backward(loss);
      }
      for (Map.Entry<String, NDArray> p : params.entrySet()) {
        NDArray grad = p.getValue().getGradient();
        grad.attach(scope);
        adam.update(p.getKey(), p.getValue(), grad);
        grad.subi(grad);
      }
      return loss.getFloat();
    }
  }

  private NDArray loss(NDArray x) {
    NDArray noisy = x.add(x.getManager().randomNormal(0, INPUT_NOISE, x.getShape(), DataType.FLOAT32)).clip(0, 1);
    NDArray h = Activation.relu(conv(noisy, "conv1", STRIDE_2));
    h = Activation.relu(conv(h, "conv2", STRIDE_2));
    NDArray z = Linear.linear(h.reshape(batchSize, FLAT), p("enc.w"), p("enc.b")).singletonOrThrow();
    NDArray d = Activation.relu(Linear.linear(z, p("dec.w"), p("dec.b")).singletonOrThrow());
    d = d.reshape(batchSize, 2 * CHANNELS, INNER, INNER);
    d = Activation.relu(upsample(d, "deconv1", CHANNELS));
    NDArray logits = upsample(d, "deconv2", 1);
    // mean binary cross-entropy with logits, in the stable form max(l, 0) - l * x + log(1 + exp(-|l|))
    return Activation.relu(logits).sub(logits.mul(x)).add(Activation.softPlus(logits.abs().neg())).mean();
  }

  private NDArray conv(NDArray x, String layer, Shape stride) {
    return Conv2d.conv2d(x, p(layer + ".w"), p(layer + ".b"), stride, PAD_1).singletonOrThrow();
  }

  /**
   * k4 s2 p1 transposed convolution, sub-pixel form: 2x2 conv to 4 phases, pixel shuffle, crop. Its
   * bias is stored as {@code [1, out, 1, 1]}: reshaping a parameter inside the step would put the
   * result in the parameter's manager and leak it.
   */
  private NDArray upsample(NDArray x, String layer, int out) {
    long n = x.getShape().get(0);
    long side = x.getShape().get(2) + 1;
    NDArray phases = Conv2d.conv2d(x, p(layer + ".w"), null, STRIDE_1, PAD_1).singletonOrThrow();
    NDArray shuffled = phases.reshape(n, out, 2, 2, side, side).transpose(0, 1, 4, 2, 5, 3)
        .reshape(n, out, 2 * side, 2 * side);
    return shuffled.get(CROP).add(p(layer + ".b"));
  }

  private NDArray p(String name) {
    return params.get(name);
  }

  private void weight(Random random, String name, double std, long... shape) {
    Shape s = new Shape(shape);
    NDArray w = manager.create(QuickstartModel.normal(random, Math.toIntExact(s.size()), std), s);
    w.setRequiresGradient(true);
    params.put(name, w);
  }

  private void bias(String name, long... shape) {
    NDArray b = manager.zeros(new Shape(shape));
    b.setRequiresGradient(true);
    params.put(name, b);
  }

  @Override
  public void close() {
    manager.close();
  }
}
