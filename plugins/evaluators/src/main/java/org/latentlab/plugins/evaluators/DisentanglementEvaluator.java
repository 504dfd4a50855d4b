package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Disentanglement of the codes on data with known generative factors ({@link ImageSet#factors()}, e.g.
 * the {@code shapes} data set), measured on the test split (see {@link DisentanglementMetrics}):
 *
 * <ul>
 *   <li>MIG (Chen et al. 2018): {@code 1/K sum_k (I(z_(1); v_k) - I(z_(2); v_k)) / H(v_k)}, code units
 *       discretised into 20 equal-width bins;</li>
 *   <li>the FactorVAE score (Kim &amp; Mnih 2018): accuracy of the majority-vote classifier from "unit of
 *       least variance, scaled by its variance over the data, in a batch sharing one factor's value" to
 *       that factor; 10000 training and 5000 evaluation votes of 64 images by default. Batches are drawn
 *       with replacement from the test images that share the value, since the data set is a sample, not a
 *       generator;</li>
 *   <li>latent traversals: for the units of largest standard deviation, one grid row each, the unit set
 *       to {@code mean + t std} for {@code t} from -3 to 3 while the other units keep a test image's code,
 *       decoded with the model's {@code decode} (left out when the model has none).</li>
 * </ul>
 *
 * Factors with at most 50 distinct values are used as they are; others are binned like the code units.
 */
final class DisentanglementEvaluator implements Evaluator {
  static final String ID = "disentanglement";
  private static final int MAX_DISTINCT = 50;

  private final DisentanglementParameters parameters;

  DisentanglementEvaluator(DisentanglementParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    ImageSet test = data.test();
    if (test.factors().isEmpty()) {
      throw new IllegalStateException(ID + ": the test split of data set '" + data.name()
          + "' has no generative factors (ImageSet.factors); use a data set with known factors such as 'shapes'");
    }
    CompiledFunction encode = Encodings.require(context, Model.Functions.ENCODE, ID);
    context.progress().start(ID, 4);
    FeatureMatrix codes = Encodings.encode(encode, test);
    int d = codes.dim();
    int n = codes.rows();
    float[][] units = new float[d][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        units[j][i] = codes.values()[i * d + j];
      }
    }
    List<String> names = new ArrayList<>(test.factors().keySet());
    int[][] factors = new int[names.size()][];
    for (int k = 0; k < names.size(); k++) {
      factors[k] = InformationMeasures.discreteFactor(test.factors().get(names.get(k)), MAX_DISTINCT, parameters.bins());
    }
    context.progress().update(1, "encoded " + n + " test images");
    DisentanglementMetrics.Mig mig = DisentanglementMetrics.mig(units, factors, parameters.bins());
    context.progress().update(2, String.format(Locale.ROOT, "mig=%.4f", mig.score()));
    DisentanglementMetrics.FactorVae fv = DisentanglementMetrics.factorVae(units, factors, parameters.trainVotes(),
        parameters.evalVotes(), parameters.voteBatch(), context.seed() ^ 0xFAC7L);
    context.progress().update(3, String.format(Locale.ROOT, "factorvae=%.4f", fv.score()));

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ID + "/mig", mig.score());
    metrics.put(ID + "/factorvae", fv.score());

    List<List<String>> rows = new ArrayList<>();
    int mostValues = 0;
    for (int k = 0; k < names.size(); k++) {
      int values = IntStream.of(factors[k]).max().orElse(-1) + 1;
      mostValues = Math.max(mostValues, values);
      boolean constant = Double.isNaN(mig.gap()[k]);
      rows.add(List.of(names.get(k), Integer.toString(values), Encodings.f4(mig.entropy()[k]),
          unit(mig.topUnit()[k]), mig.topUnit()[k] < 0 ? "-" : Encodings.f4(mig.mi()[k][mig.topUnit()[k]]),
          unit(mig.secondUnit()[k]), mig.secondUnit()[k] < 0 ? "-" : Encodings.f4(mig.mi()[k][mig.secondUnit()[k]]),
          constant ? "constant, skipped" : Encodings.f4(mig.gap()[k])));
    }
    ResultTable migTable = new ResultTable("Mutual information gap per factor",
        List.of("factor", "values", "H(v) nats", "top unit", "I(z;v)", "second unit", "I(z;v)", "gap / H(v)"), rows,
        String.format(Locale.ROOT, "MIG = %.4f: the normalised gap averaged over the non-constant factors; code units "
            + "discretised into %d equal-width bins, %d test images. Each I(z;v) is a plug-in estimate, biased upwards "
            + "by about (bins - 1)(values - 1) / 2n nats (Miller 1955), here up to %.3f: the gap's two terms share the "
            + "bias but not its noise, so score MIG on a large test split (10,000 images or more).",
            mig.score(), parameters.bins(), n, (parameters.bins() - 1.0) * (mostValues - 1) / (2.0 * n)));
    List<List<String>> summary = new ArrayList<>();
    summary.add(List.of("MIG (Chen et al. 2018)", Encodings.f4(mig.score())));
    summary.add(List.of("FactorVAE score (Kim & Mnih 2018)", Encodings.f4(fv.score())));
    summary.add(List.of("FactorVAE training-vote accuracy", Encodings.f4(fv.trainAccuracy())));
    summary.add(List.of(String.format(Locale.ROOT, "active code units (variance over the data at least %.0f%% of the "
        + "largest unit's)", 100 * DisentanglementMetrics.ACTIVE_SHARE), fv.activeUnits() + " of " + d));
    StringBuilder mapping = new StringBuilder();
    for (int j = 0; j < d; j++) {
      if (fv.unitToFactor()[j] >= 0) {
        mapping.append(mapping.length() == 0 ? "" : ", ").append("z").append(j).append("->").append(names.get(fv.unitToFactor()[j]));
      }
    }
    ResultTable summaryTable = new ResultTable("Disentanglement", List.of("metric", "value"), summary,
        String.format(Locale.ROOT, "FactorVAE: %d training and %d evaluation votes of %d test images sharing one factor's "
            + "value (drawn with replacement); classifier %s.", parameters.trainVotes(), parameters.evalVotes(),
            parameters.voteBatch(), mapping.length() == 0 ? "empty" : mapping));

    List<ImageGrid> figures = new ArrayList<>();
    Optional<CompiledFunction> decode = context.function(Model.Functions.DECODE);
    if (decode.isPresent() && parameters.traversalUnits() > 0 && d > 0) {
      figures.add(traversals(decode.get(), codes, test));
    }
    context.progress().update(4, "done");
    context.progress().finish();
    return new Evaluation(metrics, List.of(summaryTable, migTable), figures);
  }

  private static String unit(int j) {
    return j < 0 ? "-" : "z" + j;
  }

  private ImageGrid traversals(CompiledFunction decode, FeatureMatrix codes, ImageSet test) {
    int d = codes.dim();
    int n = codes.rows();
    double[] mean = new double[d];
    double[] std = new double[d];
    float[] v = codes.values();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += v[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double x = v[i * d + j] - mean[j];
        std[j] += x * x;
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / n);
    }
    int[] shown = IntStream.range(0, d).boxed().sorted(Comparator.comparingDouble((Integer j) -> -std[j]))
        .limit(parameters.traversalUnits()).mapToInt(Integer::intValue).toArray();
    int steps = parameters.traversalSteps();
    int base = Math.min(parameters.traversalImage(), n - 1);
    float[] z = new float[shown.length * steps * d];
    for (int r = 0; r < shown.length; r++) {
      for (int s = 0; s < steps; s++) {
        int row = r * steps + s;
        System.arraycopy(v, base * d, z, row * d, d);
        double t = -3 + 6.0 * s / (steps - 1);
        z[row * d + shown[r]] = (float) (mean[shown[r]] + t * std[shown[r]]);
      }
    }
    HostTensor decoded = BatchedInference.map(decode, new HostTensor(z, new int[] {shown.length * steps, d}), "z", "x",
        Encodings.BATCH);
    float[] px = decoded.data().clone();
    for (int i = 0; i < px.length; i++) {
      px[i] = Math.min(1f, Math.max(0f, px[i]));
    }
    HostTensor images = new HostTensor(px, new int[] {shown.length * steps, test.channels(), test.height(), test.width()});
    String units = IntStream.of(shown).mapToObj(j -> "z" + j).reduce((a, b) -> a + ", " + b).orElse("");
    return new ImageGrid("latent-traversals", "Latent traversals", images, steps,
        "One row per code unit (" + units + ", largest standard deviation first), swept from -3 to +3 standard "
            + "deviations around its mean over the test codes; the other units keep the code of test image " + base
            + ".");
  }
}
