package org.latentlab.experiments.descriptor;

import java.nio.file.Path;
import java.util.List;

/**
 * A bound, validated experiment descriptor: everything a run needs, nothing left to check.
 *
 * @param file         the descriptor file
 * @param name         the experiment name (the run folder's parent)
 * @param seed         the seed every random choice derives from
 * @param backend      the compute backend
 * @param dataset      the data set
 * @param model        the model (or pretext task)
 * @param training     the training budget
 * @param evaluators   evaluators run after training, in order
 * @param resolvedYaml the descriptor with every default filled in, as written to the run folder
 */
public record Experiment(
    Path file, String name, long seed, Section backend, Section dataset, Section model,
    TrainingBudget training, List<Section> evaluators, String resolvedYaml) {}
