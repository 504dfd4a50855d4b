package org.latentlab.plugins.adversarial;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the adversarial-robustness evaluator ({@link AdversarialRobustnessEvaluator}).
 *
 * @param epsilons         L-infinity radii to attack at, on images in [0, 1], each in (0, 1] (default 0.02,
 *                         0.05, 0.1, 0.15, 0.2, 0.3); accuracy on clean images is always reported too
 * @param attacks          {@code fgsm} and/or {@code pgd} (default both)
 * @param pgdSteps         PGD steps (default 20)
 * @param relativeStepSize PGD step size as a multiple of {@code epsilon / pgdSteps} (default 2.5)
 * @param randomStart      start PGD from a uniform point of the ball (default true)
 * @param images           test images attacked, the first of the test split (default 2000; fewer if the split
 *                         is smaller)
 * @param batchSize        images per attack batch (default 500)
 * @param examples         images shown as original, perturbation and adversarial example (default 8)
 * @param exampleEpsilon   the radius of the examples shown (default 0.1; must be one of {@code epsilons})
 * @param classifier       what is attacked: {@code classify} (default; the model's own classifier) or
 *                         {@code linear-probe} (a softmax regression fitted on the frozen {@code encode} codes of
 *                         the labelled training images; the gradient flows through probe and encoder)
 */
public record AdversarialRobustnessParameters(List<Double> epsilons, List<String> attacks, Integer pgdSteps,
    Double relativeStepSize, Boolean randomStart, Integer images, Integer batchSize, Integer examples,
    Double exampleEpsilon, String classifier) implements Parameters {

  /** The attack names {@code attacks} may hold. */
  static final List<String> KNOWN_ATTACKS = List.of("fgsm", "pgd");
  /** {@code classifier}: a linear probe on the frozen code. */
  static final String LINEAR_PROBE = "linear-probe";
  /** The values {@code classifier} may take. */
  static final List<String> CLASSIFIERS = List.of("classify", LINEAR_PROBE);

  /** Fills in defaults for absent fields. */
  public AdversarialRobustnessParameters {
    epsilons = epsilons == null ? List.of(0.02, 0.05, 0.1, 0.15, 0.2, 0.3) : List.copyOf(epsilons);
    attacks = attacks == null ? KNOWN_ATTACKS : List.copyOf(attacks);
    pgdSteps = pgdSteps == null ? 20 : pgdSteps;
    relativeStepSize = relativeStepSize == null ? 2.5 : relativeStepSize;
    randomStart = randomStart == null || randomStart;
    images = images == null ? 2000 : images;
    batchSize = batchSize == null ? 500 : batchSize;
    examples = examples == null ? 8 : examples;
    exampleEpsilon = exampleEpsilon == null ? 0.1 : exampleEpsilon;
    classifier = classifier == null ? "classify" : classifier;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(!epsilons.isEmpty() && epsilons.stream().allMatch(e -> e != null && e > 0 && e <= 1),
        "epsilons", epsilons, "must be a non-empty list of values in (0, 1]");
    problems.require(!attacks.isEmpty() && KNOWN_ATTACKS.containsAll(attacks), "attacks", attacks,
        "must be a non-empty list of " + KNOWN_ATTACKS);
    Checks.atLeast(problems, "pgdSteps", pgdSteps, 1);
    problems.require(relativeStepSize > 0 && relativeStepSize <= 100, "relativeStepSize", relativeStepSize,
        "must be in (0, 100]");
    Checks.atLeast(problems, "images", images, 1);
    Checks.atLeast(problems, "batchSize", batchSize, 1);
    Checks.atLeast(problems, "examples", examples, 0);
    problems.require(epsilons.contains(exampleEpsilon), "exampleEpsilon", exampleEpsilon,
        "must be one of the epsilons " + epsilons);
    problems.require(CLASSIFIERS.contains(classifier), "classifier", classifier, "must be one of " + CLASSIFIERS);
  }

  /** The attack {@code name} at radius {@code epsilon}. */
  LinfAttack attack(String name, double epsilon) {
    return name.equals("fgsm") ? LinfAttack.fgsm(epsilon) : LinfAttack.pgd(epsilon, pgdSteps, relativeStepSize,
        randomStart);
  }
}
