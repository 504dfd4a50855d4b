package org.latentlab.experiments.run;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.DatasetProvider;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.experiments.plugins.ModelFactory;
import org.latentlab.api.spi.Parameters;
import org.latentlab.experiments.descriptor.Experiment;

/**
 * Builds the parts of a run from a bound experiment (its data set, model and backend) through the
 * providers its sections name; {@link ExperimentRunner} and the benchmark worker both build them
 * here, so a benchmark measures exactly what a run trains.
 */
public final class ExperimentParts {
  private ExperimentParts() {}

  /** Loads the experiment's data set, without the training images of {@code training.excludeClasses}. */
  public static Dataset loadData(Experiment experiment) throws IOException {
    DatasetProvider<Parameters> provider = cast(experiment.dataset().plugin().provider());
    Dataset data = provider.load(experiment.dataset().parameters());
    List<Integer> excluded = experiment.training().excludeClasses();
    if (excluded.isEmpty()) {
      return data;
    }
    for (int c : excluded) {
      if (c >= data.numClasses()) {
        throw new IllegalArgumentException("training.excludeClasses: " + data.name() + " has classes 0-"
            + (data.numClasses() - 1) + " (was " + c + ")");
      }
    }
    int[] kept = IntStream.range(0, data.train().size())
        .filter(i -> !excluded.contains(data.train().labels()[i])).toArray();
    if (kept.length == 0) {
      throw new IllegalArgumentException("training.excludeClasses " + excluded + " leaves no training images");
    }
    return new Dataset(data.name(), data.train().subset(kept), data.test(), data.classNames(), data.sources());
  }

  /** Builds the experiment's model for {@code data}, declaring its parameters in {@code store}. */
  public static Model createModel(Experiment experiment, Dataset data, ParameterStore store) {
    return ModelFactory.create(experiment.model().plugin().provider(), experiment.model().parameters(),
        new ModelContext(Scope.root(store), data.shape(), data.train(), experiment.seed()));
  }

  /** Loads the experiment's backend; the caller closes it. */
  public static Backend createBackend(Experiment experiment) {
    BackendProvider<Parameters> provider = cast(experiment.backend().plugin().provider());
    return provider.create(experiment.backend().parameters());
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object provider) {
    return (T) provider;
  }
}
