package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.train.CompiledFunction;

/**
 * Clustering of the test codes: k-means ({@link KMeans}: Lloyd's algorithm, k-means++ seeding of
 * Arthur &amp; Vassilvitskii 2007, seeded restarts) with {@code k} = the number of classes by default,
 * scored against the labels with normalised mutual information, arithmetic-mean normalisation
 * {@code NMI = I(C; Y) / ((H(C) + H(Y)) / 2)}, and the adjusted Rand index of Hubert &amp; Arabie 1985
 * (see {@link ClusterScores}); the same on raw pixels as a baseline. Test images of unknown label are
 * clustered but not scored.
 */
final class ClusteringEvaluator implements Evaluator {
  static final String ID = "clustering";

  private final ClusteringParameters parameters;

  ClusteringEvaluator(ClusteringParameters parameters) {
    this.parameters = parameters;
  }

  private record Outcome(String name, int dim, int k, double inertia, double nmi, double ari) {}

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    CompiledFunction encode = Encodings.require(context, Model.Functions.ENCODE, ID);
    Map<String, FeatureMatrix> representations = new LinkedHashMap<>();
    FeatureMatrix codes = Encodings.encode(encode, data.test());
    representations.put("latent", parameters.standardise() ? Standardizer.fit(codes).apply(codes) : codes);
    if (parameters.baselines().contains("raw-pixels")) {
      representations.put("raw-pixels", FeatureMatrix.pixels(data.test()));
    }
    if (parameters.baselines().contains("random-encoder")) {
      context.untrainedFunction(Model.Functions.ENCODE).ifPresent(f -> {
        FeatureMatrix random = Encodings.encode(f, data.test());
        representations.put("random-encoder", parameters.standardise() ? Standardizer.fit(random).apply(random) : random);
      });
    }
    int k = parameters.k() != null ? parameters.k() : Math.max(2, data.numClasses());
    context.progress().start(ID, representations.size());
    List<Outcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, FeatureMatrix> e : representations.entrySet()) {
      FeatureMatrix m = e.getValue();
      KMeans.Result r = KMeans.fit(m.values(), m.dim(), Math.min(k, m.rows()), parameters.iterations(),
          parameters.restarts(), context.seed() ^ 0xC1A55L);
      int[] known = IntStream.range(0, m.rows()).filter(i -> m.labels()[i] >= 0).toArray();
      int[] clusters = new int[known.length];
      int[] labels = new int[known.length];
      for (int i = 0; i < known.length; i++) {
        clusters[i] = r.assignments()[known[i]];
        labels[i] = m.labels()[known[i]];
      }
      double nmi = ClusterScores.nmi(clusters, labels);
      double ari = ClusterScores.ari(clusters, labels);
      outcomes.add(new Outcome(e.getKey(), m.dim(), k, r.inertia(), nmi, ari));
      context.progress().update(outcomes.size(), String.format(Locale.ROOT, "%s nmi=%.4f ari=%.4f", e.getKey(), nmi, ari));
    }
    context.progress().finish();

    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    for (Outcome o : outcomes) {
      String prefix = o.name().equals("latent") ? ID : ID + "/" + o.name();
      metrics.put(prefix + "/nmi", o.nmi());
      metrics.put(prefix + "/ari", o.ari());
      rows.add(List.of(o.name(), Integer.toString(o.dim()), Integer.toString(o.k()),
          String.format(Locale.ROOT, "%.4g", o.inertia()), Encodings.f4(o.nmi()), Encodings.f4(o.ari())));
    }
    String note = String.format(Locale.ROOT,
        "k-means (k-means++ seeding, best of %d restarts by inertia, at most %d iterations) on the %d test images%s; "
            + "NMI = I(C;Y) / ((H(C) + H(Y)) / 2) (arithmetic mean) and adjusted Rand index against the labels. "
            + "Both are 0 for chance and 1 for the class partition.",
        parameters.restarts(), parameters.iterations(), data.test().size(),
        parameters.standardise() ? ", code units standardised" : "");
    ResultTable table = new ResultTable("Clustering", List.of("representation", "dim", "k", "inertia", "NMI", "ARI"),
        rows, note);
    return new Evaluation(metrics, List.of(table), List.of());
  }
}
