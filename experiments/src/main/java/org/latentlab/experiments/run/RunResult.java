package org.latentlab.experiments.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param directory the run folder
 * @param completed whether it finished (false: failed, see the record)
 * @param failure   why it failed, or null
 * @param metrics   every evaluation metric, by name
 */
public record RunResult(Path directory, boolean completed, String failure, Map<String, Double> metrics) {}
