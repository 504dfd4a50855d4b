package org.latentlab.plugins.adversarial;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;

/**
 * Robustness of a classifier of the trained model ({@link AttackTarget}: its {@code classify} function, or a
 * linear probe fitted on its frozen {@code encode}) to L-infinity adversarial examples: the accuracy on
 * the first {@code images} test images, clean and under each attack ({@link LinfAttack}: FGSM, Goodfellow et al.
 * 2015; PGD with a random start, Madry et al. 2018) at each radius {@code epsilon}, with the gradients of the
 * cross-entropy taken through the trained model ({@link EvaluationContext#derivedFunction}). Reports a table and
 * a chart of accuracy against epsilon (one line per attack, from the clean accuracy at 0) and, per attack, a
 * figure of {@code examples} test images at {@code exampleEpsilon}: the originals, the perturbations
 * (grey 0, white +epsilon, black -epsilon) and the adversarial images.
 */
final class AdversarialRobustnessEvaluator implements Evaluator {
  static final String ID = "adversarial-robustness";
  private static final long ATTACK_STREAM = 0x5EED_A77AL;

  private final AdversarialRobustnessParameters parameters;

  AdversarialRobustnessEvaluator(AdversarialRobustnessParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    AttackTarget target = parameters.classifier().equals(AdversarialRobustnessParameters.LINEAR_PROBE)
        ? AttackTarget.linearProbe(context, ID) : AttackTarget.classify(context, ID);
    ImageSet test = context.dataset().test();
    ImageSet attacked = test.range(0, Math.min(parameters.images(), test.size()));
    AttackBatches batches = new AttackBatches(target.classify(), target.gradient(), attacked, parameters.batchSize());
    double clean = batches.cleanAccuracy();

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ID + "/clean/accuracy", clean);
    List<List<String>> rows = new ArrayList<>();
    List<Chart.Series> series = new ArrayList<>();
    List<ImageGrid> figures = new ArrayList<>();
    List<Double> epsilons = parameters.epsilons().stream().sorted().toList();
    context.progress().start(ID, (long) parameters.attacks().size() * epsilons.size());
    long done = 0;
    for (String name : parameters.attacks()) {
      double[] xs = new double[epsilons.size() + 1];
      double[] ys = new double[epsilons.size() + 1];
      ys[0] = clean;
      for (int e = 0; e < epsilons.size(); e++) {
        double epsilon = epsilons.get(e);
        LinfAttack attack = parameters.attack(name, epsilon);
        SplittableRandom random = new SplittableRandom(RandomStreams.mix(context.seed() ^ ATTACK_STREAM,
            Double.doubleToLongBits(epsilon) * 31 + name.hashCode()));
        AttackBatches.Outcome outcome = batches.attack(attack, random, parameters.examples());
        xs[e + 1] = epsilon;
        ys[e + 1] = outcome.accuracy();
        metrics.put(ID + "/" + name + "/eps-" + plain(epsilon) + "/accuracy", outcome.accuracy());
        rows.add(List.of(name, plain(epsilon), f4(outcome.accuracy()), f4(clean - outcome.accuracy())));
        if (epsilon == parameters.exampleEpsilon() && parameters.examples() > 0) {
          figures.add(examples(name, epsilon, outcome.examples()));
        }
        context.progress().update(++done, String.format(Locale.ROOT, "%s eps=%s accuracy=%.4f", name,
            plain(epsilon), outcome.accuracy()));
      }
      series.add(new Chart.Series(name, xs, ys));
    }
    context.progress().finish();
    String protocol = String.format(Locale.ROOT, "%s, on the first %d test images: clean"
        + " accuracy %.4f. FGSM: one step of epsilon along the sign of the input gradient of the cross-entropy. PGD: %d"
        + " steps of %.2f epsilon / %d%s, projected onto the L-infinity ball; images kept in [0, 1].",
        target.description(), attacked.size(), clean, parameters.pgdSteps(), parameters.relativeStepSize(),
        parameters.pgdSteps(), parameters.randomStart() ? " from a uniform random start in the ball" : " from the clean image");
    ResultTable table = new ResultTable("Accuracy under L-infinity attacks",
        List.of("attack", "epsilon", "accuracy", "drop from clean"), rows, protocol);
    Chart chart = new Chart("robustness-curve", "Accuracy against the attack's radius", Chart.Kind.LINES,
        "epsilon (L-infinity, images in [0, 1])", "test accuracy", series,
        "Test accuracy under each attack against epsilon; epsilon 0 is the clean accuracy.");
    return new Evaluation(metrics, List.of(table), figures, List.of(chart));
  }

  private static ImageGrid examples(String name, double epsilon, AttackBatches.Examples outcome) {
    HostTensor clean = outcome.clean();
    HostTensor adversarial = outcome.adversarial();
    int k = clean.shape()[0];
    int per = clean.rowSize();
    float[] grid = new float[3 * k * per];
    for (int i = 0; i < k * per; i++) {
      float delta = adversarial.data()[i] - clean.data()[i];
      grid[i] = clean.data()[i];
      grid[k * per + i] = Math.min(1f, Math.max(0f, 0.5f + delta / (float) (2 * epsilon)));
      grid[2 * k * per + i] = adversarial.data()[i];
    }
    int[] shape = clean.shape().clone();
    shape[0] = 3 * k;
    StringBuilder caption = new StringBuilder(String.format(Locale.ROOT, "%s at epsilon %s. Top: test images; middle:"
        + " the perturbation (grey 0, white +epsilon, black -epsilon); bottom: the adversarial images. Label, clean"
        + " prediction -> adversarial prediction per column:", name.toUpperCase(Locale.ROOT), plain(epsilon)));
    for (int i = 0; i < k; i++) {
      caption.append(' ').append(outcome.labels()[i]).append(':').append(outcome.cleanPredictions()[i]).append("->")
          .append(outcome.adversarialPredictions()[i]);
    }
    return new ImageGrid(name + "-examples", name.toUpperCase(Locale.ROOT) + " adversarial examples",
        new HostTensor(grid, shape), k, caption.append('.').toString());
  }

  /** {@code 0.1} for 0.1 (no trailing zeros, no exponent). */
  static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
