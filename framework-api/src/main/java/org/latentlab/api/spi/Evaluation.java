package org.latentlab.api.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluator's result: named scalar metrics plus tables, image grids and charts for the report.
 *
 * @param metrics scalar results, e.g. {@code linear-probe/accuracy}
 * @param tables  tables for the report
 * @param figures image grids for the report
 * @param charts  charts for the report (latent maps, curves)
 */
public record Evaluation(Map<String, Double> metrics, List<ResultTable> tables, List<ImageGrid> figures,
    List<Chart> charts) {
  /** Copies, keeping order. */
  public Evaluation {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    tables = List.copyOf(tables);
    figures = List.copyOf(figures);
    charts = List.copyOf(charts);
  }

  /** A result without charts. */
  public Evaluation(Map<String, Double> metrics, List<ResultTable> tables, List<ImageGrid> figures) {
    this(metrics, tables, figures, List.of());
  }
}
