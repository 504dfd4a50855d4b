package org.latentlab.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.params.ParameterKind;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.FineTuning;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelSnapshot;
import org.latentlab.api.spi.Progress;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.InferenceFunction;

/**
 * The evaluation context of one run: the trained model's functions, compiled on first use, an
 * untrained twin (same architecture, fresh weights from a different seed) built only if an evaluator
 * asks for the random-encoder baseline, and the snapshots training kept, each loaded into a twin of its own
 * when asked for.
 */
final class RunEvaluationContext implements EvaluationContext, AutoCloseable {
  /** Scope of the parameters a fine-tuning evaluator declares. */
  static final String FINE_TUNING_SCOPE = "fine-tuning";
  private static final Consumer<Scope> NOTHING = scope -> { };
  /** A model with the session its parameters live in. */
  record LiveModel(Model model, ComputeSession session) {}

  private final Dataset dataset;
  private final LiveModel trained;
  private final Function<Consumer<Scope>, LiveModel> twinFactory;
  private final Snapshots snapshots;
  private final Backend backend;
  private final long seed;
  private final Progress progress;
  private final Map<String, CompiledFunction> compiled = new HashMap<>();
  private final Map<String, CompiledFunction> compiledUntrained = new HashMap<>();
  private LiveModel untrained;

  /**
   * @param twinFactory      builds a fresh copy of the model in a session of its own, with the parameters the
   *                         consumer declares under the scope it is given (the untrained baseline; the body a
   *                         snapshot's state is loaded into; a copy to fine-tune)
   * @param snapshots        the run's snapshots (may be none)
   */
  RunEvaluationContext(Dataset dataset, LiveModel trained, Function<Consumer<Scope>, LiveModel> twinFactory,
      Snapshots snapshots, Backend backend, long seed, Progress progress) {
    this.dataset = dataset;
    this.trained = trained;
    this.twinFactory = twinFactory;
    this.snapshots = snapshots;
    this.backend = backend;
    this.seed = seed;
    this.progress = progress;
  }

  @Override
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public Optional<CompiledFunction> function(String name) {
    return compile(trained, compiled, name);
  }

  @Override
  public Optional<CompiledFunction> untrainedFunction(String name) {
    if (!trained.model().functions().containsKey(name)) {
      return Optional.empty();
    }
    if (untrained == null) {
      untrained = twinFactory.apply(NOTHING);
    }
    return compile(untrained, compiledUntrained, name);
  }

  /** {@inheritDoc} Compiled anew on every call, against the trained model's session. */
  @Override
  public Optional<CompiledFunction> derivedFunction(String name, UnaryOperator<InferenceFunction> derive) {
    InferenceFunction base = trained.model().functions().get(name);
    return base == null ? Optional.empty() : Optional.of(trained.session().compile(derive.apply(base)));
  }

  private static Optional<CompiledFunction> compile(LiveModel live, Map<String, CompiledFunction> cache, String name) {
    if (!live.model().functions().containsKey(name)) {
      return Optional.empty();
    }
    return Optional.of(cache.computeIfAbsent(name, n -> live.session().compile(live.model().functions().get(n))));
  }

  @Override
  public List<Long> snapshotIterations() {
    try {
      return snapshots.iterations();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the run's snapshots: " + e.getMessage(), e);
    }
  }

  @Override
  public ModelSnapshot snapshot(long iteration) {
    if (!snapshotIterations().contains(iteration)) {
      return EvaluationContext.super.snapshot(iteration);
    }
    Map<String, HostTensor> state;
    try {
      state = snapshots.read(iteration);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot after iteration " + iteration + ": " + e.getMessage(), e);
    }
    LiveModel twin = twinFactory.apply(NOTHING);
    twin.session().writeState(state);
    Map<String, CompiledFunction> cache = new HashMap<>();
    return new ModelSnapshot() {
      @Override
      public long iteration() {
        return iteration;
      }

      @Override
      public Optional<CompiledFunction> function(String name) {
        return compile(twin, cache, name);
      }

      @Override
      public void close() {
        twin.session().close();
      }
    };
  }

  @Override
  public Optional<FineTuning> fineTuning(boolean trainedWeights, Consumer<Scope> declare) {
    LiveModel twin = twinFactory.apply(scope -> declare.accept(scope.child(FINE_TUNING_SCOPE)));
    if (trainedWeights) {
      Map<String, HostTensor> weights = new HashMap<>();
      trained.session().readState().forEach((name, value) -> {
        if (trained.session().store().get(name).kind() != ParameterKind.OPTIMIZER) {
          weights.put(name, value);
        }
      });
      twin.session().writeState(weights);
    }
    return Optional.of(new FineTuning() {
      @Override
      public Model model() {
        return twin.model();
      }

      @Override
      public ComputeSession session() {
        return twin.session();
      }

      @Override
      public void close() {
        twin.session().close();
      }
    });
  }

  @Override
  public OptionalInt noiseSize() {
    return trained.model().noiseSize();
  }

  @Override
  public Backend backend() {
    return backend;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public Progress progress() {
    return progress;
  }

  /**
   * {@inheritDoc} {@code $LATENTLAB_CACHE} when set, else {@code $XDG_CACHE_HOME/latentlab}, else
   * {@code ~/.cache/latentlab}: shared by every run of the user, whatever its runs folder.
   */
  @Override
  public Optional<Path> cacheDirectory() {
    String explicit = System.getenv("LATENTLAB_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return Optional.of(base.resolve("latentlab"));
  }

  @Override
  public void close() {
    if (untrained != null) {
      untrained.session().close();
    }
  }
}
