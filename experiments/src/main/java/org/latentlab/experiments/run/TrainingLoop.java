package org.latentlab.experiments.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.spi.BatchContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Progress;
import org.latentlab.api.train.SessionFunctions;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;
import org.latentlab.experiments.descriptor.TrainingBudget;

/**
 * Runs a training program for a budget: each iteration runs every step (its repeat count times) on
 * fresh batches from a {@link BatchSampler} over the training split, each prepared by the model with a
 * {@link BatchContext} (a random stream, the step's number, the images' indices, the model's functions at
 * the current weights); logs mean losses every {@code logEvery} iterations, shows progress, checkpoints
 * every {@code checkpointEvery} iterations, keeps a snapshot of the model every {@code snapshotEvery}
 * iterations (and before the first and after the last when snapshots are on), and stops on a non-finite loss.
 */
final class TrainingLoop {
  /** Keeps the batch-preparation streams apart from the backend's per-step streams of the same seed. */
  private static final long PREPARE_STREAM = 0x632BE59BD9B4E019L;

  private final Trainer trainer;
  private final Model model;
  private final TrainingProgram program;
  private final long seed;
  private final ImageSet train;
  private final TrainingBudget budget;
  private final MetricsLog log;
  private final Progress progress;
  private final BatchSampler batches;
  private final Checkpoints checkpoints;
  private final SnapshotSink snapshots;
  private final SessionFunctions functions;

  /** Keeps a snapshot of the model after an iteration (0: before training). */
  @FunctionalInterface
  interface SnapshotSink {
    void save(long iteration) throws IOException;
  }

  /**
   * @param functions the model's inference functions compiled against the training session, handed to
   *                  {@link Model#prepareBatch(String, Map, BatchContext)} with every step
   */
  TrainingLoop(Trainer trainer, SessionFunctions functions, Model model, ImageSet train, TrainingBudget budget,
      long seed, MetricsLog log, Progress progress, Checkpoints checkpoints, SnapshotSink snapshots) {
    this.functions = functions;
    this.checkpoints = checkpoints;
    this.snapshots = snapshots;
    this.model = model;
    this.seed = seed;
    this.batches = new BatchSampler(train, budget.batchSize(), seed);
    this.trainer = trainer;
    this.program = model.program();
    this.train = train;
    this.budget = budget;
    this.log = log;
    this.progress = progress;
  }

  /** Total iterations the budget allows. */
  long iterations() {
    long batchesPerEpoch = train.size() / budget.batchSize();
    return Math.max(1, budget.epochs() * batchesPerEpoch / stepsPerIteration());
  }

  /** Trainer steps (batches) per iteration: every step of the program, its repeat count times. */
  private int stepsPerIteration() {
    return program.repeats().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Trains from iteration {@code startAfter + 1} (0: from the start; otherwise the state of a
   * checkpoint saved after that iteration must already be in the session), saving a checkpoint every
   * {@code checkpointEvery} iterations. The batches and the trainer's random draws continue where an
   * uninterrupted run would be, so a resumed run repeats it exactly.
   */
  void run(long startAfter) throws IOException {
    long total = iterations();
    if (startAfter < 0 || startAfter >= total) {
      throw new IllegalArgumentException("cannot resume after iteration " + startAfter + " of " + total);
    }
    batches.skip(startAfter * stepsPerIteration());
    trainer.resumeAfter(startAfter * stepsPerIteration());
    List<TrainingStep> steps = program.steps();
    Map<String, Map<String, Double>> sums = new LinkedHashMap<>();
    Map<String, Map<String, Double>> last = new LinkedHashMap<>();
    int counted = 0;
    progress.start("train", total);
    if (startAfter > 0) {
      progress.update(startAfter, "resumed after iteration " + startAfter);
    } else if (budget.snapshotEvery() > 0) {
      snapshots.save(0);
    }
    for (long it = startAfter + 1; it <= total; it++) {
      for (int s = 0; s < steps.size(); s++) {
        String name = steps.get(s).name();
        for (int r = 0; r < program.repeats().get(s); r++) {
          int[] indices = batches.nextIndices();
          BatchContext context = new BatchContext(stepRandom(), trainer.stepsRun() + 1, total * stepsPerIteration(),
              indices, functions);
          Map<String, Float> losses = trainer.step(name, model.prepareBatch(name, batches.batch(indices), context));
          Map<String, Double> acc = sums.computeIfAbsent(name, k -> new LinkedHashMap<>());
          for (Map.Entry<String, Float> e : losses.entrySet()) {
            if (!Float.isFinite(e.getValue())) {
              throw new DivergenceException(String.format(Locale.ROOT,
                  "training diverged at iteration %d (epoch %d): step '%s', loss term '%s' became %s;"
                      + " lower the learning rate or check the data", it, batches.epoch(), name, e.getKey(), e.getValue()));
            }
            acc.merge(e.getKey(), (double) e.getValue(), Double::sum);
          }
        }
      }
      counted++;
      if (it == 1 || it % budget.logEvery() == 0 || it == total) {
        for (Map.Entry<String, Map<String, Double>> e : sums.entrySet()) {
          int perIteration = program.repeats().get(steps.indexOf(program.step(e.getKey())));
          Map<String, Double> mean = new LinkedHashMap<>();
          for (Map.Entry<String, Double> t : e.getValue().entrySet()) {
            mean.put(t.getKey(), t.getValue() / (counted * perIteration));
          }
          log.train(it, batches.epoch(), e.getKey(), mean);
          last.put(e.getKey(), mean);
        }
        sums.clear();
        counted = 0;
        progress.update(it, status(last));
      }
      if (it % budget.checkpointEvery() == 0 && it < total) {
        checkpoints.save(it);
      }
      if (budget.snapshotEvery() > 0 && (it % budget.snapshotEvery() == 0 || it == total)) {
        snapshots.save(it);
      }
    }
    progress.finish();
  }

  /** The generator {@link Model#prepareBatch(String, Map, BatchContext)} draws from in the next step: seeded by the run's seed and the step's number. */
  private SplittableRandom stepRandom() {
    return new SplittableRandom(RandomStreams.mix(seed ^ PREPARE_STREAM, trainer.stepsRun() + 1));
  }

  private String status(Map<String, Map<String, Double>> last) {
    StringBuilder sb = new StringBuilder("epoch ").append(batches.epoch()).append('/').append(budget.epochs());
    last.forEach((step, terms) -> sb.append(String.format(Locale.ROOT, " %s=%.4f", step,
        terms.getOrDefault("loss", Double.NaN))));
    return sb.toString();
  }
}
