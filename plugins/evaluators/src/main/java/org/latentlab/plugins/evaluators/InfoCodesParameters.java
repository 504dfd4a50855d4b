package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the InfoGAN code evaluator ({@code info-codes}). {@code categories} and
 * {@code continuousCodes} must be the model's (InfoGAN's parameters of the same names).
 *
 * @param categories         values of the model's categorical code c1 (default 10)
 * @param continuousCodes    the model's continuous codes c2, c3, ... (default 2)
 * @param samplesPerCategory samples generated per c1 value for its accuracy (default 200)
 * @param gridColumns        noise vectors (columns) of the c1 grid (default 10)
 * @param sweepRows          fixed (noise, c1) rows of each continuous code's grid (default 5)
 * @param sweepSteps         values of the swept code from -2 to 2, ends included (default 9)
 * @param classifierEpochs   training epochs of the domain classifier when it is not cached (default 3)
 */
public record InfoCodesParameters(Integer categories, Integer continuousCodes, Integer samplesPerCategory,
    Integer gridColumns, Integer sweepRows, Integer sweepSteps, Integer classifierEpochs) implements Parameters {
  /** Fills in defaults. */
  public InfoCodesParameters {
    categories = categories == null ? 10 : categories;
    continuousCodes = continuousCodes == null ? 2 : continuousCodes;
    samplesPerCategory = samplesPerCategory == null ? 200 : samplesPerCategory;
    gridColumns = gridColumns == null ? 10 : gridColumns;
    sweepRows = sweepRows == null ? 5 : sweepRows;
    sweepSteps = sweepSteps == null ? 9 : sweepSteps;
    classifierEpochs = classifierEpochs == null ? 3 : classifierEpochs;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(categories >= 2, "categories", categories, "must be >= 2");
    problems.require(continuousCodes >= 0, "continuousCodes", continuousCodes, "must be >= 0");
    problems.require(samplesPerCategory >= 10 && samplesPerCategory <= 5000, "samplesPerCategory",
        samplesPerCategory, "must be in [10, 5000]");
    problems.require(gridColumns >= 1, "gridColumns", gridColumns, "must be >= 1");
    problems.require(sweepRows >= 1, "sweepRows", sweepRows, "must be >= 1");
    problems.require(sweepSteps >= 2, "sweepSteps", sweepSteps, "must be >= 2");
    problems.require(classifierEpochs >= 1, "classifierEpochs", classifierEpochs, "must be >= 1");
  }
}
