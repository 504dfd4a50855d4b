package org.latentlab.plugins.evaluators;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/** Helpers shared by the evaluators on codes: looking up model functions, encoding splits, formatting. */
final class Encodings {
  /** Images per call of a model function. */
  static final int BATCH = 512;

  private Encodings() {}

  /** The trained model's function {@code name}, or a clear failure naming the evaluator. */
  static CompiledFunction require(EvaluationContext context, String name, String evaluatorId) {
    return context.function(name).orElseThrow(() ->
        new IllegalStateException(evaluatorId + ": the model offers no '" + name + "' function"));
  }

  /** The codes ({@code z}) of every image of {@code images}, computed in batches, with their labels. */
  static FeatureMatrix encode(CompiledFunction encode, ImageSet images) {
    return FeatureMatrix.of(BatchedInference.map(encode, images, "z", BATCH), images.labels());
  }

  /** The size of the noise the model's generate functions take, or a clear failure naming the evaluator. */
  static int noiseSize(EvaluationContext context, String evaluatorId) {
    return context.noiseSize().orElseThrow(() -> new IllegalStateException(
        evaluatorId + ": the model offers 'generate' but no noise size (Model.noiseSize)"));
  }

  /** {@code n} rows of {@code d} standard-normal draws from {@code random}. */
  static HostTensor standardNormal(int n, int d, SplittableRandom random) {
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) RandomStreams.gaussian(random);
    }
    return new HostTensor(v, new int[] {n, d});
  }

  /** A fraction as a percentage without trailing zeros: 0.01 to {@code 1}, 0.005 to {@code 0.5}. */
  static String percent(double fraction) {
    return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /** Four decimals, locale-independent. */
  static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Rows of {@code m} scaled to unit Euclidean length; all-zero rows stay zero. */
  static float[] unitRows(FeatureMatrix m) {
    int d = m.dim();
    float[] src = m.values();
    float[] out = new float[m.rows() * d];
    for (int i = 0; i < m.rows(); i++) {
      double sq = 0;
      for (int j = 0; j < d; j++) {
        double x = src[i * d + j];
        sq += x * x;
      }
      float s = sq > 0 ? (float) (1 / Math.sqrt(sq)) : 0f;
      for (int j = 0; j < d; j++) {
        out[i * d + j] = src[i * d + j] * s;
      }
    }
    return out;
  }

  /**
   * Training and test features of the model's code ({@code latent}, with {@code evaluatorId}'s message
   * when the model cannot encode), of each encoder block the model's {@code encode} offers
   * ({@code block-1 ...}, when {@code blocks}) and of the requested baselines: {@code raw-pixels}, and
   * {@code random-encoder} (the untrained twin's code, and with {@code blocks} its blocks as
   * {@code random-encoder/block-k}) where the context has an untrained twin.
   */
  static Map<String, FeatureMatrix[]> representations(EvaluationContext context, String evaluatorId,
      List<String> baselines, boolean blocks) {
    Dataset data = context.dataset();
    CompiledFunction encode = require(context, Model.Functions.ENCODE, evaluatorId);
    Map<String, FeatureMatrix[]> representations = new LinkedHashMap<>();
    if (blocks) {
      Map<String, HostTensor> train = BatchedInference.mapAll(encode, data.train(), BATCH);
      Map<String, HostTensor> test = BatchedInference.mapAll(encode, data.test(), BATCH);
      representations.put("latent", new FeatureMatrix[] {
          FeatureMatrix.of(train.get("z"), data.train().labels()), FeatureMatrix.of(test.get("z"), data.test().labels())});
      for (String block : blockNames(train.keySet())) {
        representations.put(block, new FeatureMatrix[] {
            FeatureMatrix.of(train.get(block), data.train().labels()),
            FeatureMatrix.of(test.get(block), data.test().labels())});
      }
    } else {
      representations.put("latent", new FeatureMatrix[] {encode(encode, data.train()), encode(encode, data.test())});
    }
    if (baselines.contains("raw-pixels")) {
      representations.put("raw-pixels", new FeatureMatrix[] {
          FeatureMatrix.pixels(data.train()), FeatureMatrix.pixels(data.test())});
    }
    if (baselines.contains("random-encoder")) {
      context.untrainedFunction(Model.Functions.ENCODE).ifPresent(f -> {
        if (!blocks) {
          representations.put("random-encoder", new FeatureMatrix[] {encode(f, data.train()), encode(f, data.test())});
          return;
        }
        // The untrained twin's blocks too: a block of random convolutions is the fair baseline of the same block.
        Map<String, HostTensor> train = BatchedInference.mapAll(f, data.train(), BATCH);
        Map<String, HostTensor> test = BatchedInference.mapAll(f, data.test(), BATCH);
        representations.put("random-encoder", new FeatureMatrix[] {
            FeatureMatrix.of(train.get("z"), data.train().labels()), FeatureMatrix.of(test.get("z"), data.test().labels())});
        for (String block : blockNames(train.keySet())) {
          representations.put("random-encoder/" + block, new FeatureMatrix[] {
              FeatureMatrix.of(train.get(block), data.train().labels()),
              FeatureMatrix.of(test.get(block), data.test().labels())});
        }
      });
    }
    return representations;
  }

  /** The block outputs among {@code outputs} ({@code block-k}), in block order. */
  static List<String> blockNames(Collection<String> outputs) {
    return outputs.stream().filter(o -> o.matches(Pattern.quote(Model.Functions.BLOCK_PREFIX) + "[0-9]+"))
        .sorted(Comparator.comparingInt(o -> Integer.parseInt(o.substring(Model.Functions.BLOCK_PREFIX.length()))))
        .toList();
  }

  /** The entries of {@code scores} whose names start with {@code prefix}, the prefix removed. */
  static Map<String, Double> under(Map<String, Double> scores, String prefix) {
    Map<String, Double> out = new LinkedHashMap<>();
    scores.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /**
   * The block of highest {@code score} among the entries of {@code scores} named {@code block-k}, as
   * {@code [k, score]}; empty when there are none.
   */
  static Optional<double[]> bestBlock(Map<String, Double> scores) {
    return blockNames(scores.keySet()).stream().max(Comparator.comparingDouble(scores::get))
        .map(b -> new double[] {Integer.parseInt(b.substring(Model.Functions.BLOCK_PREFIX.length())), scores.get(b)});
  }
}
