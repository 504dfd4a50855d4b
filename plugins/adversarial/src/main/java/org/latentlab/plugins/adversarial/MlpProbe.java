package org.latentlab.plugins.adversarial;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A fresh probe fitted after the fact on frozen features: an MLP with one hidden ReLU layer of
 * {@code hidden} units (a linear softmax regression when {@code hidden} is 0) trained from a seeded
 * initialisation with mini-batch Adam on the softmax cross-entropy of standardised features (statistics of the
 * training rows). The fitted probe ({@link ProbeHead}) is scored on the host and can run in any session.
 */
final class MlpProbe {

  /** Optimisation settings. */
  record Settings(int hidden, int epochs, int batchSize, double learningRate) {}

  private final Backend backend;
  private final Settings settings;

  MlpProbe(Backend backend, Settings settings) {
    this.backend = backend;
    this.settings = settings;
  }

  /** Fits on {@code train} (labels {@code 0..classes-1}) and returns the accuracy on {@code test}. */
  double fitAndScore(Features train, int[] trainLabels, Features test, int[] testLabels, int classes, long seed) {
    return fit(train, trainLabels, classes, seed).accuracy(test, testLabels);
  }

  /** Fits on {@code train} (labels {@code 0..classes-1}). */
  ProbeHead fit(Features train, int[] trainLabels, int classes, long seed) {
    float[][] moments = train.moments();
    Features x = train.standardised(moments);
    ParameterStore store = new ParameterStore(seed);
    Scope scope = Scope.root(store).child("probe");
    boolean linear = settings.hidden() == 0;
    Layer net = linear ? new Dense(scope.child("out"), train.dim(), classes)
        : Sequential.of(new Dense(scope.child("hidden"), train.dim(), settings.hidden()), Activation.relu(),
            new Dense(scope.child("out"), settings.hidden(), classes));
    TrainingStep step = new TrainingStep("probe", (ops, batch) -> Losses.of(
        ops.losses().sparseSoftmaxCrossEntropy(net.apply(ops, batch.get("x")), batch.get("y"))),
        ParameterGroup.all(), OptimizerSpec.Adam.of(settings.learningRate()));
    try (ComputeSession session = backend.open(store, seed)) {
      Trainer trainer = session.trainer(TrainingProgram.single(step));
      SplittableRandom random = new SplittableRandom(seed);
      int[] order = identity(x.rows());
      int batch = Math.min(settings.batchSize(), x.rows());
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        shuffle(order, random);
        for (int from = 0; from + batch <= order.length; from += batch) {
          int[] idx = Arrays.copyOfRange(order, from, from + batch);
          trainer.step("probe", Map.of("x", x.tensor(idx), "y", labels(trainLabels, idx)));
        }
      }
      Map<String, HostTensor> state = session.readState();
      List<String> names = linear ? List.of("probe/out/weight", "probe/out/bias")
          : List.of("probe/hidden/weight", "probe/hidden/bias", "probe/out/weight", "probe/out/bias");
      return new ProbeHead(moments, names.stream().map(state::get).toList());
    }
  }

  private static HostTensor labels(int[] labels, int[] idx) {
    float[] out = new float[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = labels[idx[i]];
    }
    return new HostTensor(out, new int[] {idx.length});
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
