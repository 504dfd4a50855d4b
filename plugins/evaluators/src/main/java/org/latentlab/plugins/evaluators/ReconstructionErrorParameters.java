package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;

/** Parameters of the reconstruction-error evaluator: none yet (unknown fields are still rejected). */
public record ReconstructionErrorParameters() implements Parameters {}
