package org.latentlab.api.spi;

import java.util.Objects;
import java.util.SplittableRandom;
import org.latentlab.api.train.SessionFunctions;

/**
 * What a model sees of the run while it prepares the batch of one training step
 * ({@link Model#prepareBatch(String, java.util.Map, BatchContext)}).
 *
 * @param random     draws for this step, seeded from the run's seed and the step's number, so a resumed run
 *                   makes the same draws
 * @param step       the number of the step about to run, from 1, counting every step of the program
 *                   ({@link org.latentlab.api.train.Trainer#stepsRun()} + 1); a resumed run continues the count
 * @param totalSteps the number of steps the whole training budget runs, so {@code step / totalSteps} is the
 *                   training progress in (0, 1] (e.g. for a schedule of a loss weight)
 * @param indices    where the batch's images are in the training split ({@link ModelContext#train()}), in
 *                   batch order: a model looks up what else it knows of them (e.g. a factor)
 * @param functions  inference functions compiled against the training session: a call sees the weights as
 *                   they are before this step (e.g. to make adversarial examples against the current model)
 */
public record BatchContext(SplittableRandom random, long step, long totalSteps, int[] indices,
    SessionFunctions functions) {

  /** Checks the counts. */
  public BatchContext {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(functions, "functions");
    if (step < 1 || totalSteps < step) {
      throw new IllegalArgumentException("step must be in [1, totalSteps] (was " + step + " of " + totalSteps + ")");
    }
  }

  /** Training progress {@code step / totalSteps}, in (0, 1]. */
  public double progress() {
    return (double) step / totalSteps;
  }
}
