package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;

/** Parameters of the pretext evaluator: none. */
public record PretextParameters() implements Parameters {}
