package org.latentlab.plugins.evaluators;

import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * Multinomial logistic regression with an L2 penalty, trained on the backend: minimises
 * {@code mean_i CE(softmax(x_i W + b), y_i) + lambda ||W||^2} with mini-batch Adam from zero weights
 * (the problem is convex, so the start does not matter and the fit is reproducible).
 */
final class SoftmaxRegression {

  /** Optimisation settings. */
  record Settings(int epochs, int batchSize, double learningRate) {}

  private final Backend backend;
  private final Settings settings;

  SoftmaxRegression(Backend backend, Settings settings) {
    this.backend = backend;
    this.settings = settings;
  }

  /** Fits on {@code train} and returns the accuracy on each of {@code evaluate}. */
  double[] fitAndScore(FeatureMatrix train, int numClasses, double lambda, long seed, FeatureMatrix... evaluate) {
    float[][] logits = fitAndPredict(train, numClasses, lambda, seed, evaluate);
    double[] scores = new double[evaluate.length];
    for (int i = 0; i < evaluate.length; i++) {
      scores[i] = accuracy(logits[i], evaluate[i].labels(), numClasses);
    }
    return scores;
  }

  /** Fits on {@code train} and returns the logits {@code [rows x numClasses]} (row-major) of each of {@code evaluate}. */
  float[][] fitAndPredict(FeatureMatrix train, int numClasses, double lambda, long seed, FeatureMatrix... evaluate) {
    ParameterStore store = new ParameterStore(seed);
    Dense linear = new Dense(Scope.root(store).child("probe"), train.dim(), numClasses, Initializers.zeros());
    String weight = "probe/weight";
    TrainingStep step = new TrainingStep("probe", (ops, batch) -> {
      MathOps m = ops.math();
      Tensor ce = ops.losses().sparseSoftmaxCrossEntropy(linear.apply(ops, batch.get("x")), batch.get("y"));
      Tensor penalty = m.scale(m.sum(m.square(ops.param(weight))), (float) lambda);
      return new Losses(m.add(ce, penalty), Map.of("cross-entropy", ce));
    }, ParameterGroup.all(), OptimizerSpec.Adam.of(settings.learningRate()));
    try (ComputeSession session = backend.open(store, seed)) {
      Trainer trainer = session.trainer(TrainingProgram.single(step));
      SplittableRandom random = new SplittableRandom(seed);
      int n = train.rows();
      int[] order = identity(n);
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        shuffle(order, random);
        for (int from = 0; from < n; from += settings.batchSize()) {
          int[] idx = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + settings.batchSize()));
          trainer.step("probe", Map.of("x", train.rowsTensor(idx), "y", train.labelTensor(idx)));
        }
      }
      CompiledFunction logits = session.compile((ops, in) -> Map.of("logits", linear.apply(ops, in.get("x"))));
      float[][] out = new float[evaluate.length][];
      for (int i = 0; i < evaluate.length; i++) {
        out[i] = logits(logits, evaluate[i], numClasses);
      }
      return out;
    }
  }

  private static float[] logits(CompiledFunction logits, FeatureMatrix m, int numClasses) {
    int n = m.rows();
    float[] out = new float[n * numClasses];
    int batch = 1024;
    for (int from = 0; from < n; from += batch) {
      int[] idx = new int[Math.min(n, from + batch) - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      HostTensor values = logits.apply(Map.of("x", m.rowsTensor(idx))).get("logits");
      System.arraycopy(values.data(), 0, out, from * numClasses, idx.length * numClasses);
    }
    return out;
  }

  /** Share of rows whose largest logit is at their label. */
  static double accuracy(float[] logits, int[] labels, int numClasses) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (argmax(logits, i * numClasses, numClasses) == labels[i]) {
        correct++;
      }
    }
    return labels.length == 0 ? 0 : (double) correct / labels.length;
  }

  static int argmax(float[] v, int offset, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (v[offset + j] > v[offset + best]) {
        best = j;
      }
    }
    return best;
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
