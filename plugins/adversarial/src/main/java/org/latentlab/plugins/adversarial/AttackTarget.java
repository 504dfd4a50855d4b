package org.latentlab.plugins.adversarial;

import java.util.Map;
import java.util.stream.IntStream;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.InferenceFunction;

/**
 * The classifier an attack is run against, compiled against the trained model: its logits ({@code x -> logits})
 * and its {@link InputGradient} function, with a sentence saying what it is.
 *
 * @param classify    {@code x -> logits}
 * @param gradient    {@code x, y -> gradient, logits}
 * @param description what the classifier is, for the report
 */
record AttackTarget(CompiledFunction classify, CompiledFunction gradient, String description) {
  /** Settings of the linear probe fitted for {@code linear-probe}. */
  static final MlpProbe.Settings PROBE = new MlpProbe.Settings(0, 20, 256, 1e-2);

  /** The model's own {@code classify} function. */
  static AttackTarget classify(EvaluationContext context, String evaluator) {
    CompiledFunction classify = context.function(Model.Functions.CLASSIFY).orElseThrow(() -> new IllegalStateException(
        evaluator + ": the model offers no '" + Model.Functions.CLASSIFY + "' function to attack (classifiers such as"
            + " cnn-classifier, pgd-training, dann do); use classifier: linear-probe for a model with 'encode'"));
    CompiledFunction gradient = context.derivedFunction(Model.Functions.CLASSIFY, InputGradient::ofClassify)
        .orElseThrow(() -> noLiveModel(evaluator));
    return new AttackTarget(classify, gradient, "The model's classify function");
  }

  /**
   * A linear probe (softmax regression on standardised codes, {@link #PROBE}) fitted on the codes of the labelled
   * training images, on top of the model's frozen {@code encode}: the attack's gradient flows through both.
   */
  static AttackTarget linearProbe(EvaluationContext context, String evaluator) {
    CompiledFunction encode = context.function(Model.Functions.ENCODE).orElseThrow(() -> new IllegalStateException(
        evaluator + ": the model offers no '" + Model.Functions.ENCODE + "' function to fit a linear probe on"));
    ImageSet train = context.dataset().train();
    int[] labelled = IntStream.range(0, train.size()).filter(i -> train.labels()[i] >= 0).toArray();
    Features codes = Features.of(BatchedInference.map(encode, train, "z", 512)).subset(labelled);
    ProbeHead head = new MlpProbe(context.backend(), PROBE).fit(codes,
        IntStream.of(labelled).map(i -> train.labels()[i]).toArray(), context.dataset().numClasses(), context.seed());
    CompiledFunction classify = context.derivedFunction(Model.Functions.ENCODE,
        e -> (ops, in) -> Map.of("logits", logits(head, e, ops, in.get("x")))).orElseThrow(() -> noLiveModel(evaluator));
    CompiledFunction gradient = context.derivedFunction(Model.Functions.ENCODE,
        e -> InputGradient.of((ops, x) -> logits(head, e, ops, x))).orElseThrow(() -> noLiveModel(evaluator));
    return new AttackTarget(classify, gradient, "A linear probe on the model's frozen code (fitted on "
        + labelled.length + " labelled training images)");
  }

  private static Tensor logits(ProbeHead head, InferenceFunction encode, Ops ops, Tensor x) {
    return head.logits(ops, encode.apply(ops, Map.of("x", x)).get("z"));
  }

  private static IllegalStateException noLiveModel(String evaluator) {
    return new IllegalStateException(evaluator + ": this evaluation context cannot take gradients through the model"
        + " (it holds no live model); run the evaluator through the launcher");
  }
}
