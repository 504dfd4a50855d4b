package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the anomaly-detection evaluator.
 *
 * @param anomalyClass class index treated as the anomaly, the positive class of the AUROC (default 0);
 *                     train with {@code training.excludeClasses} holding it
 * @param score        {@code reconstruction} (mean squared error per image of the model's
 *                     {@code reconstruct}), {@code elbo} (the model's {@code negative-elbo}) or
 *                     {@code auto} (the negative ELBO when the model has one, else reconstruction;
 *                     default)
 * @param gridImages   images per row of the best / worst reconstructed grid (default 8)
 */
public record AnomalyParameters(Integer anomalyClass, String score, Integer gridImages) implements Parameters {

  /** The scores this evaluator knows. */
  static final List<String> SCORES = List.of("reconstruction", "elbo", "auto");

  /** Fills in defaults for absent fields. */
  public AnomalyParameters {
    anomalyClass = anomalyClass == null ? 0 : anomalyClass;
    score = score == null ? "auto" : score;
    gridImages = gridImages == null ? 8 : gridImages;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(anomalyClass >= 0, "anomalyClass", anomalyClass, "must be a class index >= 0");
    problems.require(SCORES.contains(score), "score", score, "must be one of " + SCORES);
    problems.require(gridImages > 0, "gridImages", gridImages, "must be > 0");
  }
}
