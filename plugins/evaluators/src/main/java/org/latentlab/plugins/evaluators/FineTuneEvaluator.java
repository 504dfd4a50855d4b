package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.FineTuning;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * Fine-tuning with few labels, the second downstream protocol beside the frozen-feature probes (e.g. Chen et
 * al. 2020, SimCLR; Zhai et al. 2019): a linear head on the model's code {@code z = encode(x)} is trained
 * together with the whole encoder (every model parameter is updated; those {@code encode} does not read get no
 * gradient) on a class-balanced labelled subset, minimising the softmax cross-entropy with Adam, and scored on
 * the test split. The same network trained from its initial weights on the same labels (the from-scratch
 * baseline) shows what the pretraining gives. Subsets are those of the label-efficiency evaluator (seeded,
 * nested); batch norm and dropout run as in training.
 */
final class FineTuneEvaluator implements Evaluator {
  static final String ID = "fine-tune";
  private static final String STEP = "fine-tune";

  private final FineTuneParameters parameters;

  FineTuneEvaluator(FineTuneParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    int numClasses = data.numClasses();
    int codeSize = Encodings.require(context, Model.Functions.ENCODE, ID)
        .apply(Map.of("x", data.train().images(new int[] {0}))).get("z").shape()[1];
    List<Boolean> starts = parameters.fromScratch() ? List.of(true, false) : List.of(true);
    context.progress().start(ID, (long) parameters.counts().size() * starts.size());
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    List<Chart.Series> series = new ArrayList<>();
    long done = 0;
    for (boolean pretrained : starts) {
      double[] xs = new double[parameters.counts().size()];
      double[] ys = new double[parameters.counts().size()];
      for (int i = 0; i < parameters.counts().size(); i++) {
        int count = parameters.counts().get(i);
        int[] labelled = LabelEfficiencyEvaluator.subset(data.train().labels(), numClasses,
            LabelEfficiencyEvaluator.perClass(count, numClasses), context.seed());
        double accuracy = fineTune(context, pretrained, labelled, codeSize, numClasses);
        String name = pretrained ? "pretrained" : "from-scratch";
        metrics.put((pretrained ? ID : ID + "/from-scratch") + "/" + count + "-labels/accuracy", accuracy);
        rows.add(List.of(name, Integer.toString(count), Integer.toString(labelled.length), Encodings.f4(accuracy)));
        xs[i] = labelled.length;
        ys[i] = accuracy;
        context.progress().update(++done, String.format(Locale.ROOT, "%s %d labels accuracy=%.4f", name, count, accuracy));
      }
      series.add(new Chart.Series(pretrained ? "pretrained" : "from scratch", xs, ys));
    }
    context.progress().finish();
    String note = String.format(Locale.ROOT, "Encoder and a linear head trained together on class-balanced labelled"
        + " subsets (%d Adam steps, learning rate %.0e, batches of %d); accuracy on the %d test images (chance %.2f).",
        parameters.steps(), parameters.learningRate(), parameters.batchSize(), data.test().size(), 1.0 / numClasses);
    ResultTable table = new ResultTable("Fine-tuning with few labels",
        List.of("start", "labels asked", "labelled images", "test accuracy"), rows, note);
    Chart chart = new Chart("fine-tune", "Fine-tuning: accuracy against labels", Chart.Kind.LINES,
        "labelled training images", "test accuracy", series,
        "Test accuracy after fine-tuning the whole encoder with a linear head, from the trained weights and from scratch.");
    return new Evaluation(metrics, List.of(table), List.of(), List.of(chart));
  }

  private double fineTune(EvaluationContext context, boolean pretrained, int[] labelled, int codeSize, int numClasses) {
    Dense[] head = new Dense[1];
    FineTuning copy = context.fineTuning(pretrained, scope -> head[0] = new Dense(scope.child("head"), codeSize, numClasses))
        .orElseThrow(() -> new IllegalStateException(ID + ": this run cannot rebuild its model for fine-tuning"));
    try (copy) {
      InferenceFunction encode = copy.model().functions().get(Model.Functions.ENCODE);
      InferenceFunction logits = (ops, in) -> Map.of("logits", head[0].apply(ops, encode.apply(ops, in).get("z")));
      TrainingStep step = new TrainingStep(STEP, (ops, batch) -> {
        Tensor ce = ops.losses().sparseSoftmaxCrossEntropy(logits.apply(ops, Map.of("x", batch.get("x"))).get("logits"),
            batch.get("y"));
        return new Losses(ce, Map.of());
      }, ParameterGroup.all(), OptimizerSpec.Adam.of(parameters.learningRate()));
      Trainer trainer = copy.session().trainer(TrainingProgram.single(step));
      ImageSet train = context.dataset().train();
      SplittableRandom random = new SplittableRandom(context.seed() ^ 0xF17EL ^ labelled.length);
      int batch = Math.min(parameters.batchSize(), labelled.length);
      for (int s = 0; s < parameters.steps(); s++) {
        int[] idx = new int[batch];
        for (int i = 0; i < batch; i++) {
          idx[i] = labelled[random.nextInt(labelled.length)];
        }
        trainer.step(STEP, Map.of("x", train.images(idx), "y", train.labelTensor(idx)));
      }
      CompiledFunction scores = copy.session().compile(logits);
      ImageSet test = context.dataset().test();
      HostTensor out = BatchedInference.map(scores, test, "logits", Encodings.BATCH);
      return SoftmaxRegression.accuracy(out.data(), test.labels(), numClasses);
    }
  }
}
