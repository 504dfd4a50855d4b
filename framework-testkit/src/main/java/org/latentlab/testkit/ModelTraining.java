package org.latentlab.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.spi.BatchContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.SessionFunctions;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;

/**
 * Trains a model in a plugin's tests the way the launcher's training loop does: every iteration runs each
 * step of the program its repeat count of times, in order, each on the next {@code batchSize} images of a
 * seeded shuffle of {@code data} (reshuffled every pass, last incomplete batch dropped), with {@code x} and
 * {@code y} prepared by {@link Model#prepareBatch(String, Map, BatchContext)}: a random stream per step, the
 * step's number and the total, the images' indices in {@code data} and the model's functions compiled
 * against {@code session} (at the weights of the moment).
 */
public final class ModelTraining {
  private ModelTraining() {}

  /** Runs {@code iterations} iterations and returns every step's losses, by step name, in order. */
  public static Map<String, List<Map<String, Float>>> train(ComputeSession session, Model model, ImageSet data,
      int iterations, int batchSize, long seed) {
    if (batchSize < 1 || batchSize > data.size()) {
      throw new IllegalArgumentException("batchSize must be in [1, " + data.size() + "] (was " + batchSize + ")");
    }
    TrainingProgram program = model.program();
    Trainer trainer = session.trainer(program);
    SessionFunctions functions = new SessionFunctions(session);
    long perIteration = program.repeats().stream().mapToInt(Integer::intValue).sum();
    long total = trainer.stepsRun() + iterations * perIteration;
    SplittableRandom shuffle = new SplittableRandom(seed);
    int[] order = new int[data.size()];
    int cursor = order.length;
    Map<String, List<Map<String, Float>>> losses = new LinkedHashMap<>();
    for (int it = 0; it < iterations; it++) {
      for (int s = 0; s < program.steps().size(); s++) {
        String step = program.steps().get(s).name();
        for (int rep = 0; rep < program.repeats().get(s); rep++) {
          if (cursor + batchSize > order.length) {
            reshuffle(order, shuffle);
            cursor = 0;
          }
          int[] idx = Arrays.copyOfRange(order, cursor, cursor + batchSize);
          cursor += batchSize;
          long number = trainer.stepsRun() + 1;
          BatchContext context = new BatchContext(new SplittableRandom(RandomStreams.mix(seed, number)), number, total,
              idx, functions);
          Map<String, HostTensor> batch = model.prepareBatch(step,
              Map.of("x", data.images(idx), "y", data.labelTensor(idx)), context);
          losses.computeIfAbsent(step, k -> new ArrayList<>()).add(trainer.step(step, batch));
        }
      }
    }
    return losses;
  }

  private static void reshuffle(int[] order, SplittableRandom random) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
