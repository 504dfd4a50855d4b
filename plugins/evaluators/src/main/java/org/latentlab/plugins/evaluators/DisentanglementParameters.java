package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the disentanglement evaluator.
 *
 * @param bins            equal-width bins per code unit for MIG (default 20, as in disentanglement_lib)
 * @param trainVotes      FactorVAE votes to fit the majority classifier on (default 10000, as in
 *                        disentanglement_lib)
 * @param evalVotes       FactorVAE votes to score it on (default 5000)
 * @param voteBatch       images per FactorVAE vote (default 64)
 * @param traversalUnits  most code units shown in the traversal grid, those of largest spread first
 *                        (default 10)
 * @param traversalSteps  values per traversed unit, evenly from -3 to +3 standard deviations (default 9)
 * @param traversalImage  index of the test image whose code the other units keep (default 0)
 */
public record DisentanglementParameters(Integer bins, Integer trainVotes, Integer evalVotes, Integer voteBatch,
    Integer traversalUnits, Integer traversalSteps, Integer traversalImage) implements Parameters {

  /** Fills in defaults for absent fields. */
  public DisentanglementParameters {
    bins = bins == null ? 20 : bins;
    trainVotes = trainVotes == null ? 10_000 : trainVotes;
    evalVotes = evalVotes == null ? 5_000 : evalVotes;
    voteBatch = voteBatch == null ? 64 : voteBatch;
    traversalUnits = traversalUnits == null ? 10 : traversalUnits;
    traversalSteps = traversalSteps == null ? 9 : traversalSteps;
    traversalImage = traversalImage == null ? 0 : traversalImage;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(bins > 1, "bins", bins, "must be > 1");
    problems.require(trainVotes > 0, "trainVotes", trainVotes, "must be > 0");
    problems.require(evalVotes > 0, "evalVotes", evalVotes, "must be > 0");
    problems.require(voteBatch > 1, "voteBatch", voteBatch, "must be > 1");
    problems.require(traversalUnits >= 0, "traversalUnits", traversalUnits, "must be >= 0 (0: no traversal grid)");
    problems.require(traversalSteps > 1, "traversalSteps", traversalSteps, "must be > 1");
    problems.require(traversalImage >= 0, "traversalImage", traversalImage, "must be a test image index >= 0");
  }
}
