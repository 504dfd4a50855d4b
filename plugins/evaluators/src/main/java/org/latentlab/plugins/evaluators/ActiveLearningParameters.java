package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the active-learning evaluator.
 *
 * @param initial        labels of the first round, drawn uniformly at random from the training images
 *                       (default 20)
 * @param perRound       labels each strategy adds per round (default 20)
 * @param rounds         rounds after the first (default 10, so 220 labels in the end)
 * @param strategies     the strategies to compare: {@code random}, {@code margin}, {@code entropy},
 *                       {@code k-center} (default random, margin, k-center)
 * @param representation the features: {@code latent} (the model's code, default) or a block output
 *                       {@code block-k} of its {@code encode}
 * @param l2             L2 strength of the probe (default 1e-3)
 * @param steps          Adam steps per probe fit, whatever the number of labels (default 300)
 * @param learningRate   Adam learning rate (default 0.01)
 */
public record ActiveLearningParameters(Integer initial, Integer perRound, Integer rounds, List<String> strategies,
    String representation, Double l2, Integer steps, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public ActiveLearningParameters {
    initial = initial == null ? 20 : initial;
    perRound = perRound == null ? 20 : perRound;
    rounds = rounds == null ? 10 : rounds;
    strategies = strategies == null ? List.of("random", "margin", "k-center") : List.copyOf(strategies);
    representation = representation == null ? "latent" : representation;
    l2 = l2 == null ? 1e-3 : l2;
    steps = steps == null ? 300 : steps;
    learningRate = learningRate == null ? 0.01 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(initial >= 1, "initial", initial, "must be >= 1");
    problems.require(perRound >= 1, "perRound", perRound, "must be >= 1");
    problems.require(rounds >= 1, "rounds", rounds, "must be >= 1");
    problems.require(!strategies.isEmpty() && SelectionStrategy.IDS.containsAll(strategies), "strategies", strategies,
        "must be a non-empty list of " + SelectionStrategy.IDS);
    problems.require(representation.equals("latent") || representation.matches("block-[1-9][0-9]*"),
        "representation", representation, "must be latent or block-k (k >= 1)");
    problems.require(l2 >= 0, "l2", l2, "must be >= 0");
    problems.require(steps >= 1, "steps", steps, "must be >= 1");
    problems.require(learningRate > 0, "learningRate", learningRate, "must be > 0");
  }
}
