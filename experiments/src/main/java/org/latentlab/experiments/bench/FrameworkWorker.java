package org.latentlab.experiments.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Model;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.run.BatchSampler;
import org.latentlab.experiments.run.ExperimentParts;

/**
 * Trains a bound experiment through the framework's real training path, under the bench protocol:
 * data set, model and backend built as a run builds them ({@link ExperimentParts}), the program
 * compiled by the backend's session, and every step a {@link Trainer#step} on a batch assembled from
 * the training split as a run assembles it ({@link BatchSampler}). Nothing is written to disk.
 */
public final class FrameworkWorker {
  private FrameworkWorker() {}

  /** Trains {@code experiment} under {@code protocol} and returns the measurement. */
  public static BenchResult measure(Experiment experiment, BenchProtocol protocol, int threads) throws IOException {
    Dataset data = ExperimentParts.loadData(experiment);
    ParameterStore store = new ParameterStore(experiment.seed());
    Model model = ExperimentParts.createModel(experiment, data, store);
    try (Backend backend = ExperimentParts.createBackend(experiment);
         ComputeSession session = backend.open(store, experiment.seed())) {
      TrainingProgram program = model.program();
      Trainer trainer = session.trainer(program);
      BatchSampler batches = new BatchSampler(data.train(), experiment.training().batchSize(), experiment.seed());
      List<String> schedule = schedule(program);
      int[] calls = {0};
      return protocol.measure(BenchResult.FRAMEWORK, experiment.backend().type(), threads, () -> {
        String step = schedule.get(calls[0]++ % schedule.size());
        return trainer.step(step, batches.next()).get(Losses.OBJECTIVE);
      });
    }
  }

  /** The step names of one iteration of {@code program}, each repeated as the program says. */
  private static List<String> schedule(TrainingProgram program) {
    List<String> names = new ArrayList<>();
    for (int s = 0; s < program.steps().size(); s++) {
      for (int r = 0; r < program.repeats().get(s); r++) {
        names.add(program.steps().get(s).name());
      }
    }
    return names;
  }
}
