package org.latentlab.plugins.evaluators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CheckpointFormat;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * The domain classifier: a small CNN trained on the labelled training images of a data set, used to
 * judge generated images (class histogram, entropy, confidence) and, through its penultimate
 * features, as the feature space of sample-quality distances (the "FID-LeNet" of the GAN family).
 *
 * <p>Architecture (LeNet-like): Conv(c&rarr;32, 3x3, pad 1) + ReLU + max-pool 2, Conv(32&rarr;64, 3x3,
 * pad 1) + ReLU + max-pool 2, Dense(&rarr;128) + ReLU (the features), Dense(&rarr;classes). Trained with
 * Adam (1e-3) on batches of 128 for a number of epochs, seeded. A trained classifier is cached per data
 * set (the SHA-256 of its files), seed and epochs in the run's cache folder, so runs on the same data
 * share it; its test accuracy is recorded beside it.
 */
final class DomainClassifier implements AutoCloseable {
  /** Bumped when the architecture or training changes, so old cache entries are not used. */
  private static final int VERSION = 1;
  private static final int FEATURES = 128;
  private static final int BATCH = 128;

  private final ComputeSession session;
  private final CompiledFunction logits;
  private final CompiledFunction features;
  private final boolean cached;
  private double testAccuracy;

  private DomainClassifier(ComputeSession session, Sequential trunk, Layer head, boolean cached) {
    this.session = session;
    this.logits = session.compile((ops, in) -> Map.of("logits", head.apply(ops, trunk.apply(ops, in.get("x")))));
    this.features = session.compile((ops, in) -> Map.of("features", trunk.apply(ops, in.get("x"))));
    this.cached = cached;
  }

  /**
   * The classifier for the context's data set and seed: read from the cache folder when present,
   * otherwise trained for {@code epochs} epochs (reporting progress) and cached.
   */
  static DomainClassifier obtain(EvaluationContext context, int epochs) {
    Dataset data = context.dataset();
    long seed = context.seed() ^ 0x5DEECE66DL;
    ParameterStore store = new ParameterStore(seed);
    int c = data.train().channels();
    Conv2d conv1 = new Conv2d(Scope.root(store).child("domain/conv1"), c, 32, 3, 1, 1);
    Conv2d conv2 = new Conv2d(Scope.root(store).child("domain/conv2"), 32, 64, 3, 1, 1);
    int h = data.train().height() / 4;
    int w = data.train().width() / 4;
    Layer pool = (ops, x) -> ops.nn().maxPool2d(x, 2, 2, 0);
    Sequential trunk = Sequential.of(conv1, Activation.relu(), pool, conv2, Activation.relu(), pool,
        Reshape.flatten(), new Dense(Scope.root(store).child("domain/fc"), 64 * h * w, FEATURES), Activation.relu());
    Dense head = new Dense(Scope.root(store).child("domain/out"), FEATURES, data.numClasses());
    Optional<Path> file = context.cacheDirectory().map(dir -> dir.resolve("domain-classifier")
        .resolve(key(data, seed, epochs) + ".ckpt"));
    ComputeSession session = context.backend().open(store, seed);
    try {
      if (file.isPresent() && Files.isRegularFile(file.get())) {
        try {
          Map<String, HostTensor> state = CheckpointFormat.read(file.get());
          HostTensor accuracy = state.remove("domain/test-accuracy");
          if (accuracy != null) {
            session.writeState(state);
            DomainClassifier classifier = new DomainClassifier(session, trunk, head, true);
            classifier.testAccuracy = accuracy.item();
            return classifier;
          }
        } catch (IOException | IllegalArgumentException damaged) {
          // a damaged or outdated cache entry: train afresh and overwrite it
        }
      }
      train(session, trunk, head, data.train(), epochs, seed, context);
      DomainClassifier classifier = new DomainClassifier(session, trunk, head, false);
      double accuracy = accuracy(BatchedInference.map(classifier.logits, data.test(), "logits", 512),
          data.test().labels());
      classifier.testAccuracy = accuracy;
      if (file.isPresent()) {
        Map<String, HostTensor> state = new java.util.LinkedHashMap<>(session.readState());
        state.keySet().removeIf(k -> k.startsWith("optimizer/"));
        state.put("domain/test-accuracy", new HostTensor(new float[] {(float) accuracy}, new int[0]));
        CheckpointFormat.write(file.get(), state);
      }
      return classifier;
    } catch (IOException e) {
      session.close();
      throw new UncheckedIOException("domain classifier: cannot write its cache entry: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private static void train(ComputeSession session, Sequential trunk, Layer head, ImageSet train, int epochs, long seed,
      EvaluationContext context) {
    TrainingStep step = new TrainingStep("domain-classifier", (ops, batch) -> {
      var ce = ops.losses().sparseSoftmaxCrossEntropy(head.apply(ops, trunk.apply(ops, batch.get("x"))), batch.get("y"));
      return new Losses(ce, Map.of("cross-entropy", ce));
    }, ParameterGroup.all(), OptimizerSpec.Adam.of(1e-3));
    Trainer trainer = session.trainer(TrainingProgram.single(step));
    SplittableRandom random = new SplittableRandom(seed);
    int n = train.size();
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    long perEpoch = n / BATCH;
    context.progress().start("domain-classifier", epochs * perEpoch);
    long done = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int b = 0; b < perEpoch; b++) {
        int[] idx = Arrays.copyOfRange(order, b * BATCH, (b + 1) * BATCH);
        Map<String, Float> losses = trainer.step("domain-classifier",
            Map.of("x", train.images(idx), "y", train.labelTensor(idx)));
        context.progress().update(++done, String.format(Locale.ROOT, "epoch %d/%d loss=%.4f", epoch + 1, epochs,
            losses.get(Losses.OBJECTIVE)));
      }
    }
    context.progress().finish();
  }

  /** The cache key: data files' hashes, seed, epochs and version. */
  private static String key(Dataset data, long seed, int epochs) {
    StringBuilder s = new StringBuilder(data.name()).append('|').append(seed).append('|').append(epochs)
        .append("|v").append(VERSION);
    for (DataSource d : data.sources()) {
      s.append('|').append(d.sha256());
    }
    s.append('|').append(data.train().size()).append('|').append(data.test().size());
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return data.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fraction of rows of {@code logits} whose arg-max equals the label. */
  static double accuracy(HostTensor logits, int[] labels) {
    int[] predicted = argmax(logits);
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  /** The arg-max of every row. */
  static int[] argmax(HostTensor logits) {
    int n = logits.shape()[0];
    int k = logits.rowSize();
    float[] v = logits.data();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (v[i * k + j] > v[i * k + best]) {
          best = j;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** Class probabilities {@code [n, classes]} of images {@code [n, c, h, w]}. */
  HostTensor probabilities(HostTensor images) {
    HostTensor l = BatchedInference.map(logits, images, "x", "logits", 512);
    int k = l.rowSize();
    float[] v = l.data().clone();
    for (int i = 0; i < v.length; i += k) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, v[i + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(v[i + j] - max);
      }
      for (int j = 0; j < k; j++) {
        v[i + j] = (float) (Math.exp(v[i + j] - max) / sum);
      }
    }
    return new HostTensor(v, l.shape());
  }

  /** Penultimate features {@code [n, 128]} of images {@code [n, c, h, w]}. */
  HostTensor features(HostTensor images) {
    return BatchedInference.map(features, images, "x", "features", 512);
  }

  /** Accuracy on the data set's test split, measured when it was trained. */
  double testAccuracy() {
    return testAccuracy;
  }

  /** Whether it came from the cache. */
  boolean cached() {
    return cached;
  }

  @Override
  public void close() {
    session.close();
  }
}
