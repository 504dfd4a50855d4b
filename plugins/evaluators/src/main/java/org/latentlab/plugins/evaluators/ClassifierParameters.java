package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;

/** Parameters of the classifier evaluator: none (unknown fields are still rejected). */
public record ClassifierParameters() implements Parameters {}
