package org.example.centroid;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the nearest-centroid probe.
 *
 * @param batchSize images per call of the model's encode function (default 256)
 * @param standardise whether each code dimension is scaled to unit variance first (default true)
 */
public record CentroidProbeParameters(Integer batchSize, Boolean standardise) implements Parameters {
  /** Fills in defaults. */
  public CentroidProbeParameters {
    batchSize = batchSize == null ? 256 : batchSize;
    standardise = standardise == null ? Boolean.TRUE : standardise;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(batchSize > 0, "batchSize", batchSize, "must be > 0");
  }
}
