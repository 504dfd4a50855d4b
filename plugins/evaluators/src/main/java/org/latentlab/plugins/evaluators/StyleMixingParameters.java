package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the style-mixing evaluator.
 *
 * @param rows             source-A codes, one grid row each (default 5)
 * @param columns          source-B codes, one grid column each (default 6)
 * @param pairs            random code pairs whose mixes the domain classifier labels (default 500)
 * @param classifierEpochs training epochs of the domain classifier when it is not cached (default 3)
 */
public record StyleMixingParameters(Integer rows, Integer columns, Integer pairs, Integer classifierEpochs)
    implements Parameters {
  /** Fills in defaults. */
  public StyleMixingParameters {
    rows = rows == null ? 5 : rows;
    columns = columns == null ? 6 : columns;
    pairs = pairs == null ? 500 : pairs;
    classifierEpochs = classifierEpochs == null ? 3 : classifierEpochs;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(rows >= 1, "rows", rows, "must be >= 1");
    problems.require(columns >= 1, "columns", columns, "must be >= 1");
    problems.require(pairs >= 10, "pairs", pairs, "must be >= 10");
    problems.require(classifierEpochs >= 1, "classifierEpochs", classifierEpochs, "must be >= 1");
  }
}
