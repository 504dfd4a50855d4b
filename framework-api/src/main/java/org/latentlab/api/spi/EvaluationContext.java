package org.latentlab.api.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.params.Scope;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.InferenceFunction;

/**
 * What an evaluator sees: the data, the trained model's compiled functions, the backend (to train
 * auxiliary models in fresh sessions once training has finished), the seed and a progress sink.
 */
public interface EvaluationContext {

  /** The data set the model was trained on. */
  Dataset dataset();

  /** A compiled inference function of the trained model, by name (see {@link Model.Functions}). */
  Optional<CompiledFunction> function(String name);

  /**
   * The same function compiled for a freshly initialised copy of the model (same architecture,
   * untrained weights): the random-encoder baseline.
   */
  Optional<CompiledFunction> untrainedFunction(String name);

  /**
   * A copy of the model for fine-tuning, in a session of its own: with the trained weights when
   * {@code trainedWeights}, else freshly initialised (the train-from-scratch baseline); {@code declare} adds the
   * evaluator's own parameters (e.g. a classifier head) under the scope it is given, before the session is
   * opened. Empty where the context cannot rebuild the model.
   */
  default Optional<FineTuning> fineTuning(boolean trainedWeights, Consumer<Scope> declare) {
    return Optional.empty();
  }

  /**
   * A function made from the trained model's inference function {@code name} by {@code derive}, compiled
   * against the trained weights: the way to take input gradients through the model (Capability
   * {@code input-gradients}), e.g. {@code x, y -> d CE(classify(x), y) / dx} for adversarial examples, or to
   * put a head of the evaluator's own on the model's encoder. Empty when the model has no function
   * {@code name}, or when the context cannot compile against the model (the default: e.g. a test context
   * holding plain Java functions).
   */
  default Optional<CompiledFunction> derivedFunction(String name, UnaryOperator<InferenceFunction> derive) {
    return Optional.empty();
  }

  /** The backend, for auxiliary training (probes) in new sessions. */
  Backend backend();

  /** The run's seed; derive sub-seeds from it. */
  long seed();

  /** Reports progress of long evaluations. */
  Progress progress();

  /** The trained model's {@link Model#noiseSize()}: the size of the noise its generate functions take. */
  default OptionalInt noiseSize() {
    return OptionalInt.empty();
  }

  /**
   * Iterations after which training kept a snapshot of the model ({@code training.snapshotEvery}), in
   * order, 0 being before training; empty when it kept none.
   */
  default List<Long> snapshotIterations() {
    return List.of();
  }

  /**
   * The model at the snapshot kept after {@code iteration}, one of {@link #snapshotIterations()}; close it
   * when done.
   *
   * @throws IllegalArgumentException when there is no such snapshot
   */
  default ModelSnapshot snapshot(long iteration) {
    throw new IllegalArgumentException("no snapshot of the model was kept after iteration " + iteration);
  }

  /**
   * A folder shared by runs for results worth keeping between them (e.g. a domain classifier trained
   * per data set and seed); empty when nothing may be cached. Write into it atomically.
   */
  default Optional<Path> cacheDirectory() {
    return Optional.empty();
  }
}
