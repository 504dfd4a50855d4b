package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Super-resolution quality on the first {@code samples} test images. The model's {@code low-resolution} function
 * gives the input it upscales, {@code super-resolve} its output; the same input is upscaled by nearest neighbour
 * and by bicubic convolution ({@link Upscaling}). Each is scored against the true images with {@link ImageQuality}
 * (PSNR and SSIM) and, on labelled data, by the {@link DomainClassifier}'s accuracy on it (the true images' is the
 * ceiling). Ledig et al. (2017) show that PSNR and SSIM reward the blur of an MSE-trained model while a perceptual
 * loss gives sharper images that score lower there: the classifier's accuracy asks instead whether the digit is
 * still recognisable. The figure shows, per test image, the low-resolution input (nearest-upscaled), bicubic,
 * the model and the true image.
 */
final class SuperResolutionEvaluator implements Evaluator {
  static final String ID = "super-resolution";

  private final SuperResolutionParameters parameters;

  SuperResolutionEvaluator(SuperResolutionParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction superResolve = Encodings.require(context, Model.Functions.SUPER_RESOLVE, ID);
    CompiledFunction lowResolution = Encodings.require(context, Model.Functions.LOW_RESOLUTION, ID);
    ImageSet test = context.dataset().test();
    int n = Math.min(parameters.samples(), test.size());
    int[] first = new int[n];
    Arrays.setAll(first, i -> i);
    HostTensor truth = test.images(first);
    HostTensor low = BatchedInference.map(lowResolution, truth, "x", "x", Encodings.BATCH);
    int factor = factor(truth, low);
    Map<String, HostTensor> upscaled = new LinkedHashMap<>();
    upscaled.put("nearest", Upscaling.nearest(low, factor));
    upscaled.put("bicubic", Upscaling.bicubic(low, factor));
    upscaled.put("model", BatchedInference.map(superResolve, truth, "x", "x", Encodings.BATCH));

    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    boolean labelled = context.dataset().numClasses() >= 2;
    int[] labels = Arrays.copyOf(test.labels(), n);
    try (DomainClassifier classifier = labelled ? DomainClassifier.obtain(context, parameters.classifierEpochs())
        : null) {
      for (Map.Entry<String, HostTensor> e : upscaled.entrySet()) {
        double psnr = ImageQuality.meanPsnr(e.getValue(), truth);
        double ssim = ImageQuality.meanSsim(e.getValue(), truth);
        metrics.put(ID + "/" + e.getKey() + "-psnr", psnr);
        metrics.put(ID + "/" + e.getKey() + "-ssim", ssim);
        String accuracy = "";
        if (classifier != null) {
          double a = DomainClassifier.accuracy(classifier.probabilities(e.getValue()), labels);
          metrics.put(ID + "/" + e.getKey() + "-accuracy", a);
          accuracy = Encodings.f4(a);
        }
        rows.add(List.of(e.getKey(), String.format(Locale.ROOT, "%.2f", psnr), Encodings.f4(ssim), accuracy));
      }
      if (classifier != null) {
        double a = DomainClassifier.accuracy(classifier.probabilities(truth), labels);
        metrics.put(ID + "/true-accuracy", a);
        rows.add(List.of("true images", "", "", Encodings.f4(a)));
      }
    }
    int[] s = low.shape();
    ResultTable table = new ResultTable(String.format(Locale.ROOT, "Super-resolution x%d (%dx%d to %dx%d)", factor,
        s[2], s[3], s[2] * factor, s[3] * factor), List.of("upscaling", "PSNR (dB)", "SSIM", "classifier accuracy"),
        rows, n + " test images. PSNR per image (capped at " + (int) ImageQuality.MAX_PSNR + " dB) and SSIM (Gaussian"
            + " window 11, sigma 1.5) against the true images, averaged; bicubic is the Keys kernel (a = -0.5),"
            + " clipped to [0, 1]."
            + (labelled ? " Accuracy: the domain classifier (trained on the labelled training images) on each." : ""));
    return new Evaluation(metrics, List.of(table), List.of(figure(low, factor, upscaled, truth)));
  }

  /** The upscaling factor: the ratio of the sides, the same for both and a whole number. */
  private static int factor(HostTensor truth, HostTensor low) {
    int[] t = truth.shape();
    int[] l = low.shape();
    if (l.length != 4 || l[1] != t[1] || l[2] == 0 || t[2] % l[2] != 0 || t[3] % l[3] != 0
        || t[2] / l[2] != t[3] / l[3]) {
      throw new IllegalStateException(ID + ": the model's low-resolution images " + Arrays.toString(l)
          + " are not the images " + Arrays.toString(t) + " shrunk by one whole factor");
    }
    return t[2] / l[2];
  }

  /** Four rows of {@code shown} images: low resolution (nearest-upscaled), bicubic, model, truth. */
  private ImageGrid figure(HostTensor low, int factor, Map<String, HostTensor> upscaled, HostTensor truth) {
    int shown = Math.min(parameters.shown(), truth.shape()[0]);
    int per = truth.rowSize();
    List<HostTensor> rows = List.of(upscaled.get("nearest"), upscaled.get("bicubic"), upscaled.get("model"), truth);
    float[] grid = new float[rows.size() * shown * per];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r).data(), 0, grid, r * shown * per, shown * per);
    }
    int[] shape = truth.shape().clone();
    shape[0] = rows.size() * shown;
    int[] s = low.shape();
    return new ImageGrid(ID, "Super-resolution x" + factor, new HostTensor(grid, shape), shown, String.format(
        Locale.ROOT, "Rows: the %dx%d input (nearest-neighbour upscaled), bicubic, the model, the true image.", s[2],
        s[3]));
  }
}
