package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Reconstruction error on the test split: mean squared error {@code mean((x' - x)^2)} and binary
 * cross-entropy {@code -mean(x log x' + (1 - x) log(1 - x'))} per pixel. With a corruption, also the
 * error of reconstructing the clean images from corrupted ones ({@code noisy-mse}, {@code noisy-bce}):
 * what a denoising autoencoder (Vincent et al. 2008) is trained for. For a model with a
 * {@code negative-elbo} function (a VAE), also the evidence lower bound, mean over test images (nats).
 */
final class ReconstructionErrorEvaluator implements Evaluator {
  static final String ID = "reconstruction-error";
  private static final double CLAMP = 1e-7;

  private final ReconstructionErrorParameters parameters;

  ReconstructionErrorEvaluator(ReconstructionErrorParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction reconstruct = context.function(Model.Functions.RECONSTRUCT).orElseThrow(() ->
        new IllegalStateException(ID + ": the model offers no '" + Model.Functions.RECONSTRUCT + "' function"));
    ImageSet test = context.dataset().test();
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    double[] clean = errors(test.pixels(), BatchedInference.map(reconstruct, test, "x", 512).data());
    report("", "", clean, metrics, rows);
    if (!parameters.corruption().equals("none")) {
      ImageSet noisy = corrupt(test);
      double[] denoised = errors(test.pixels(), BatchedInference.map(reconstruct, noisy, "x", 512).data());
      report("noisy-", " from " + parameters.corruption() + " " + parameters.noiseLevel() + " inputs", denoised,
          metrics, rows);
    }
    var elbo = context.function(Model.Functions.NEGATIVE_ELBO);
    if (elbo.isPresent()) {
      float[] scores = BatchedInference.map(elbo.get(), test, "score", 512).data();
      double mean = 0;
      for (float s : scores) {
        mean -= s / (double) scores.length;
      }
      metrics.put(ID + "/elbo", mean);
      rows.add(List.of("ELBO per image (nats)", String.format(Locale.ROOT, "%.3f", mean)));
    }
    ResultTable table = new ResultTable("Reconstruction error", List.of("metric", "test value"), rows,
        "On all " + test.size() + " test images, pixel values in [0, 1]"
            + (parameters.corruption().equals("none") ? "." : "; the noisy rows compare with the clean images (noise"
                + " seed " + parameters.noiseSeed() + ")."));
    return new Evaluation(metrics, List.of(table), List.of());
  }

  /** MSE and BCE per pixel of reconstructions {@code r} of {@code x}. */
  private static double[] errors(float[] x, float[] r) {
    double se = 0;
    double ce = 0;
    for (int i = 0; i < x.length; i++) {
      double d = r[i] - x[i];
      se += d * d;
      double p = Math.min(1 - CLAMP, Math.max(CLAMP, r[i]));
      ce -= x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p);
    }
    return new double[] {se / x.length, ce / x.length};
  }

  private static void report(String prefix, String suffix, double[] errors, Map<String, Double> metrics,
      List<List<String>> rows) {
    metrics.put(ID + "/" + prefix + "mse", errors[0]);
    metrics.put(ID + "/" + prefix + "bce", errors[1]);
    rows.add(List.of("MSE per pixel" + suffix, String.format(Locale.ROOT, "%.5f", errors[0])));
    rows.add(List.of("BCE per pixel" + suffix, String.format(Locale.ROOT, "%.5f", errors[1])));
  }

  /** The test images with the configured corruption, drawn from the noise seed. */
  ImageSet corrupt(ImageSet images) {
    SplittableRandom random = new SplittableRandom(parameters.noiseSeed());
    float level = parameters.noiseLevel().floatValue();
    float[] v = images.pixels().clone();
    for (int i = 0; i < v.length; i++) {
      switch (parameters.corruption()) {
        case "gaussian" -> v[i] = Math.min(1, Math.max(0, v[i] + (float) (level * RandomStreams.gaussian(random))));
        case "masking" -> v[i] = random.nextDouble() < level ? 0 : v[i];
        case "salt-and-pepper" -> {
          if (random.nextDouble() < level) {
            v[i] = random.nextBoolean() ? 1 : 0;
          }
        }
        default -> throw new IllegalStateException("unknown corruption " + parameters.corruption());
      }
    }
    return new ImageSet(v, images.labels(), images.channels(), images.height(), images.width());
  }
}
