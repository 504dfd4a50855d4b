package org.latentlab.plugins.adversarial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * How much of a sensitive attribute a frozen representation still gives away, and how much of the class: fresh
 * probes ({@link MlpProbe}, the adversary's kind of network, trained after the fact and never the training
 * adversary, as Edwards &amp; Storkey 2016 and later work insist) are fitted on the training split's codes
 * ({@code encode}) to predict the binary {@link SensitiveAttribute} and, separately, the label, and scored on the
 * test split. The attribute's accuracy is reported beside chance (the share of the commoner value in the test
 * split) and its excess over chance; the same probes on the raw pixels show how plainly the images carry both.
 * Images without a label ({@code -1}) are left out of the label probe.
 */
final class AttributeProbeEvaluator implements Evaluator {
  static final String ID = "attribute-probe";
  private static final int BATCH = 512;

  private final AttributeProbeParameters parameters;

  AttributeProbeEvaluator(AttributeProbeParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction encode = context.function(Model.Functions.ENCODE).orElseThrow(() -> new IllegalStateException(
        ID + ": the model offers no '" + Model.Functions.ENCODE + "' function (a representation to probe)"));
    Dataset data = context.dataset();
    SensitiveAttribute attribute = new SensitiveAttribute(parameters.attribute(), parameters.threshold());
    int[] trainAttribute;
    int[] testAttribute;
    try {
      trainAttribute = attribute.values(data.train());
      testAttribute = attribute.values(data.test());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ID + ": " + e.getMessage(), e);
    }
    double chance = SensitiveAttribute.majorityShare(testAttribute);
    Map<String, Features[]> representations = new LinkedHashMap<>();
    representations.put("code", new Features[] {
        Features.of(BatchedInference.map(encode, data.train(), "z", BATCH)),
        Features.of(BatchedInference.map(encode, data.test(), "z", BATCH))});
    if (parameters.baselines().contains("raw-pixels")) {
      representations.put("raw-pixels", new Features[] {pixels(data.train()), pixels(data.test())});
    }
    MlpProbe probe = new MlpProbe(context.backend(), parameters.probe());
    int[] labelled = IntStream.range(0, data.train().size()).filter(i -> data.train().labels()[i] >= 0).toArray();
    int[] trainLabels = IntStream.of(labelled).map(i -> data.train().labels()[i]).toArray();

    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    context.progress().start(ID, 2L * representations.size());
    long done = 0;
    for (Map.Entry<String, Features[]> e : representations.entrySet()) {
      Features train = e.getValue()[0];
      Features test = e.getValue()[1];
      double attributeAccuracy = probe.fitAndScore(train, trainAttribute, test, testAttribute, 2, context.seed());
      context.progress().update(++done, e.getKey() + " attribute=" + f4(attributeAccuracy));
      double digitAccuracy = probe.fitAndScore(train.subset(labelled), trainLabels, test, data.test().labels(),
          data.numClasses(), context.seed() + 1);
      context.progress().update(++done, e.getKey() + " label=" + f4(digitAccuracy));
      String prefix = e.getKey().equals("code") ? ID : ID + "/" + e.getKey();
      metrics.put(prefix + "/attribute/accuracy", attributeAccuracy);
      if (e.getKey().equals("code")) {
        metrics.put(ID + "/attribute/chance", chance);
        metrics.put(ID + "/attribute/above-chance", attributeAccuracy - chance);
      }
      metrics.put(prefix + "/label/accuracy", digitAccuracy);
      rows.add(List.of(e.getKey(), f4(attributeAccuracy), f4(attributeAccuracy - chance), f4(digitAccuracy)));
    }
    context.progress().finish();
    String note = String.format(Locale.ROOT, "Fresh %s probes (trained after the fact, %d epochs of Adam on standardised"
        + " features of the %d training images) predict the attribute '%s' > %s and the label; accuracy on the %d test"
        + " images. Chance for the attribute: %.4f (its commoner value's share of the test split).",
        parameters.hidden() == 0 ? "linear" : "MLP (" + parameters.hidden() + " hidden units)", parameters.epochs(),
        data.train().size(), parameters.attribute(), parameters.threshold(), data.test().size(), chance);
    ResultTable table = new ResultTable("Sensitive attribute and label from the frozen representation",
        List.of("representation", "attribute accuracy", "above chance", "label accuracy"), rows, note);
    return new Evaluation(metrics, List.of(table), List.of());
  }

  private static Features pixels(ImageSet images) {
    return new Features(images.pixels(), images.size(), images.imageSize());
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
