package org.latentlab.plugins.adversarial;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/** Runs attacks on a set of labelled images batch by batch and counts what the classifier still gets right. */
final class AttackBatches {
  /**
   * The result of one attack over the images.
   *
   * @param accuracy share of images classified right after the attack
   * @param examples the first images with their adversarial versions; {@code null} when none were asked for
   */
  record Outcome(double accuracy, Examples examples) {}

  /**
   * Example images of an attack.
   *
   * @param clean                  the images ({@code [k, c, h, w]})
   * @param adversarial            their adversarial versions
   * @param labels                 their labels
   * @param cleanPredictions       the classifier's classes for the clean images
   * @param adversarialPredictions its classes for the adversarial ones
   */
  record Examples(HostTensor clean, HostTensor adversarial, int[] labels, int[] cleanPredictions,
      int[] adversarialPredictions) {}

  private final CompiledFunction classify;
  private final CompiledFunction gradient;
  private final ImageSet images;
  private final int batchSize;

  /**
   * @param classify {@code x -> logits}
   * @param gradient the {@link InputGradient} function of the same classifier
   */
  AttackBatches(CompiledFunction classify, CompiledFunction gradient, ImageSet images, int batchSize) {
    this.classify = classify;
    this.gradient = gradient;
    this.images = images;
    this.batchSize = batchSize;
  }

  /** The share of the clean images classified right. */
  double cleanAccuracy() {
    int correct = 0;
    for (int from = 0; from < images.size(); from += batchSize) {
      int[] idx = range(from, Math.min(images.size(), from + batchSize));
      correct += countCorrect(predict(images.images(idx)), images.labels(), from);
    }
    return (double) correct / images.size();
  }

  /** Attacks every image; keeps the first {@code examples} (at most one batch) as examples. */
  Outcome attack(LinfAttack attack, SplittableRandom random, int examples) {
    int correct = 0;
    Examples kept = null;
    for (int from = 0; from < images.size(); from += batchSize) {
      int[] idx = range(from, Math.min(images.size(), from + batchSize));
      HostTensor x = images.images(idx);
      HostTensor adversarial = attack.perturb(gradient, x, images.labelTensor(idx), random.split());
      int[] predicted = predict(adversarial);
      correct += countCorrect(predicted, images.labels(), from);
      if (kept == null && examples > 0) {
        int k = Math.min(examples, idx.length);
        kept = new Examples(x.rows(0, k), adversarial.rows(0, k), Arrays.copyOf(images.labels(), k),
            predict(x.rows(0, k)), Arrays.copyOf(predicted, k));
      }
    }
    return new Outcome((double) correct / images.size(), kept);
  }

  private int[] predict(HostTensor x) {
    HostTensor logits = classify.apply(Map.of("x", x)).get("logits");
    int n = logits.shape()[0];
    int k = logits.shape()[1];
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        best = logits.data()[i * k + j] > logits.data()[i * k + best] ? j : best;
      }
      out[i] = best;
    }
    return out;
  }

  private static int countCorrect(int[] predicted, int[] labels, int offset) {
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == labels[offset + i] ? 1 : 0;
    }
    return correct;
  }

  private static int[] range(int from, int to) {
    int[] idx = new int[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    return idx;
  }
}
