package org.latentlab.bench;

import static org.latentlab.bench.QuickstartModel.CHANNELS;
import static org.latentlab.bench.QuickstartModel.FLAT;
import static org.latentlab.bench.QuickstartModel.INNER;
import static org.latentlab.bench.QuickstartModel.LATENT;
import static org.latentlab.bench.QuickstartModel.SIDE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The quickstart model trained directly on TensorFlow Java in graph mode, NHWC, the way a user of
 * TensorFlow would write it: the whole step (forward pass, gradients from {@code graph.addGradients},
 * Adam updates) is one graph, fed a batch through a placeholder and run with one
 * {@code session.run} per step. Transposed convolutions are {@code conv2dBackpropInput}; the loss is
 * the stable sigmoid cross-entropy {@code max(l, 0) - l * x + log(1 + exp(-|l|))}.
 *
 * <p>Adam is the engine's fused {@code ApplyAdam} kernel per variable, with the bias-correction powers
 * {@code beta^t} computed on the host and fed each step. The stock {@code Adam} optimizer class is
 * avoided because it updates its own beta powers with no ordering against the updates (results
 * differ between identical runs). Weights are drawn on the host and loaded as initial values.
 */
final class TfReferenceLoop implements ReferenceLoop {
  private static final List<Long> STRIDE_2 = List.of(1L, 2L, 2L, 1L);
  private static final String SAME = "SAME";

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> beta1Power;
  private final Placeholder<TFloat32> beta2Power;
  private final Operand<TFloat32> loss;
  private final Op update;
  private final SyntheticBatches batches;
  private final Shape inputShape;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private int updates;

  /** Builds the training graph and opens a session with {@code threads} intra-op threads, one inter-op. */
  TfReferenceLoop(int batchSize, int threads) {
    this.inputShape = Shape.of(batchSize, SIDE, SIDE, 1);
    this.batches = new SyntheticBatches(batchSize, SIDE * SIDE, QuickstartModel.SEED);
    this.graph = new Graph();
    Ops tf = Ops.create(graph);
    Random random = new Random(QuickstartModel.SEED);
    input = tf.placeholder(TFloat32.class, Placeholder.shape(inputShape));
    beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

    Variable<TFloat32> conv1W = weight(tf, random, QuickstartModel.he(16), 4, 4, 1, CHANNELS);
    Variable<TFloat32> conv1B = bias(tf, CHANNELS);
    Variable<TFloat32> conv2W = weight(tf, random, QuickstartModel.he(CHANNELS * 16), 4, 4, CHANNELS, 2 * CHANNELS);
    Variable<TFloat32> conv2B = bias(tf, 2 * CHANNELS);
    Variable<TFloat32> encW = weight(tf, random, QuickstartModel.glorot(FLAT, LATENT), FLAT, LATENT);
    Variable<TFloat32> encB = bias(tf, LATENT);
    Variable<TFloat32> decW = weight(tf, random, QuickstartModel.glorot(LATENT, FLAT), LATENT, FLAT);
    Variable<TFloat32> decB = bias(tf, FLAT);
    // conv2dBackpropInput filters are [kh, kw, out, in]
    Variable<TFloat32> deconv1W = weight(tf, random, QuickstartModel.he(2 * CHANNELS * 4), 4, 4, CHANNELS, 2 * CHANNELS);
    Variable<TFloat32> deconv1B = bias(tf, CHANNELS);
    Variable<TFloat32> deconv2W = weight(tf, random, QuickstartModel.glorot(CHANNELS * 4, 4), 4, 4, 1, CHANNELS);
    Variable<TFloat32> deconv2B = bias(tf, 1);

    Operand<TFloat32> noise = tf.math.mul(tf.random.randomStandardNormal(tf.constant(new int[] {batchSize, SIDE, SIDE, 1}),
        TFloat32.class, RandomStandardNormal.seed(QuickstartModel.SEED), RandomStandardNormal.seed2(1L)),
        tf.constant(QuickstartModel.INPUT_NOISE));
    Operand<TFloat32> noisy = tf.clipByValue(tf.math.add(input, noise), tf.constant(0f), tf.constant(1f));
    Operand<TFloat32> h = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(noisy, conv1W, STRIDE_2, SAME), conv1B));
    h = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(h, conv2W, STRIDE_2, SAME), conv2B));
    Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(tf.reshape(h, tf.constant(new int[] {batchSize, FLAT})), encW), encB);
    Operand<TFloat32> d = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(z, decW), decB));
    d = tf.reshape(d, tf.constant(new int[] {batchSize, INNER, INNER, 2 * CHANNELS}));
    d = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2dBackpropInput(
        tf.constant(new int[] {batchSize, 2 * INNER, 2 * INNER, CHANNELS}), deconv1W, d, STRIDE_2, SAME), deconv1B));
    Operand<TFloat32> logits = tf.nn.biasAdd(tf.nn.conv2dBackpropInput(
        tf.constant(new int[] {batchSize, SIDE, SIDE, 1}), deconv2W, d, STRIDE_2, SAME), deconv2B);
    Operand<TFloat32> perPixel = tf.math.add(tf.math.sub(tf.nn.relu(logits), tf.math.mul(logits, input)),
        tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits)))));
    loss = tf.math.mean(perPixel, tf.constant(new int[] {0, 1, 2, 3}));

    Output<?>[] grads = graph.addGradients(loss.asOutput(),
        variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
    List<Op> applies = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      Operand<TInt64> shape = tf.constant(v.shape());
      applies.add(tf.train.applyAdam(v, tf.variable(tf.zeros(shape, TFloat32.class)),
          tf.variable(tf.zeros(shape, TFloat32.class)), beta1Power, beta2Power,
          tf.constant(QuickstartModel.LEARNING_RATE), tf.constant(QuickstartModel.BETA1),
          tf.constant(QuickstartModel.BETA2), tf.constant(QuickstartModel.EPSILON), floats(grads[i])));
    }
    update = tf.withControlDependencies(applies).noOp();
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .build();
    session = new Session(graph, config);
    session.initialize();
  }

  @Override
  public float step() {
    updates++;
    try (TFloat32 x = TFloat32.tensorOf(inputShape, DataBuffers.of(batches.next(), true, false));
         TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(QuickstartModel.BETA1, updates));
         TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(QuickstartModel.BETA2, updates));
         Result result = session.runner()
             .feed(input, x).feed(beta1Power, p1).feed(beta2Power, p2)
             .fetch(loss).addTarget(update)
             .run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  private Variable<TFloat32> weight(Ops tf, Random random, double std, long... shape) {
    Shape s = Shape.of(shape);
    float[] values = QuickstartModel.normal(random, Math.toIntExact(s.size()), std);
    Variable<TFloat32> v = tf.variable(tf.constant(s, DataBuffers.of(values, true, false)));
    variables.add(v);
    return v;
  }

  private Variable<TFloat32> bias(Ops tf, int size) {
    Variable<TFloat32> v = tf.variable(tf.zeros(tf.constant(new int[] {size}), TFloat32.class));
    variables.add(v);
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Output<?> output) {
    return (Output<TFloat32>) output;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
