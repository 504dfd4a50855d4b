package org.latentlab.testkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Progress;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.InferenceFunction;

/**
 * Evaluation contexts for evaluator tests, without a run: the data set, the model functions the test
 * supplies (plain Java lambdas are fine) or a real model in a session ({@link #ofModel}), a seed, and
 * optionally a backend for evaluators that train auxiliary models.
 */
public final class EvaluationContexts {
  private EvaluationContexts() {}

  /** A context with no backend: an evaluator that asks for one fails with a message saying so. */
  public static EvaluationContext of(Dataset dataset, Map<String, CompiledFunction> functions, long seed) {
    return of(dataset, functions, seed, null);
  }

  /** A context whose {@link EvaluationContext#backend()} is {@code backend} (may be {@code null}). */
  public static EvaluationContext of(Dataset dataset, Map<String, CompiledFunction> functions, long seed,
      Backend backend) {
    return of(dataset, functions, seed, backend, null);
  }

  /**
   * A context with a backend (may be {@code null}) and a {@link EvaluationContext#cacheDirectory()
   * cache folder} (may be {@code null}: none), e.g. a JUnit temporary folder.
   */
  public static EvaluationContext of(Dataset dataset, Map<String, CompiledFunction> functions, long seed,
      Backend backend, Path cache) {
    Map<String, CompiledFunction> copy = Map.copyOf(functions);
    return new EvaluationContext() {
      @Override
      public Optional<Path> cacheDirectory() {
        return Optional.ofNullable(cache);
      }

      @Override
      public Dataset dataset() {
        return dataset;
      }

      @Override
      public Optional<CompiledFunction> function(String name) {
        return Optional.ofNullable(copy.get(name));
      }

      @Override
      public Optional<CompiledFunction> untrainedFunction(String name) {
        return Optional.empty();
      }

      @Override
      public Backend backend() {
        if (backend == null) {
          throw new IllegalStateException("this test context has no backend; pass one to EvaluationContexts.of");
        }
        return backend;
      }

      @Override
      public long seed() {
        return seed;
      }

      @Override
      public Progress progress() {
        return Progress.none();
      }
    };
  }

  /**
   * A context over a real model in {@code session} (e.g. trained with {@link ModelTraining}): its functions
   * are compiled against the session on first use, and {@link EvaluationContext#derivedFunction} works as in
   * a run (input gradients through the model); {@code backend} (may be {@code null}) serves auxiliary fits.
   */
  public static EvaluationContext ofModel(Dataset dataset, Model model, ComputeSession session, long seed,
      Backend backend) {
    Map<String, CompiledFunction> compiled = new HashMap<>();
    EvaluationContext base = of(dataset, Map.of(), seed, backend);
    return new EvaluationContext() {
      @Override
      public Dataset dataset() {
        return dataset;
      }

      @Override
      public synchronized Optional<CompiledFunction> function(String name) {
        InferenceFunction f = model.functions().get(name);
        return f == null ? Optional.empty() : Optional.of(compiled.computeIfAbsent(name, n -> session.compile(f)));
      }

      @Override
      public Optional<CompiledFunction> derivedFunction(String name, UnaryOperator<InferenceFunction> derive) {
        InferenceFunction f = model.functions().get(name);
        return f == null ? Optional.empty() : Optional.of(session.compile(derive.apply(f)));
      }

      @Override
      public Optional<CompiledFunction> untrainedFunction(String name) {
        return Optional.empty();
      }

      @Override
      public OptionalInt noiseSize() {
        return model.noiseSize();
      }

      @Override
      public Backend backend() {
        return base.backend();
      }

      @Override
      public long seed() {
        return seed;
      }

      @Override
      public Progress progress() {
        return Progress.none();
      }
    };
  }

  /** {@code context} telling evaluators that the model's generate functions take noise of size {@code noiseSize}. */
  public static EvaluationContext withNoiseSize(EvaluationContext context, int noiseSize) {
    return new EvaluationContext() {
      @Override
      public OptionalInt noiseSize() {
        return OptionalInt.of(noiseSize);
      }

      @Override
      public Optional<Path> cacheDirectory() {
        return context.cacheDirectory();
      }

      @Override
      public Dataset dataset() {
        return context.dataset();
      }

      @Override
      public Optional<CompiledFunction> function(String name) {
        return context.function(name);
      }

      @Override
      public Optional<CompiledFunction> untrainedFunction(String name) {
        return context.untrainedFunction(name);
      }

      @Override
      public Backend backend() {
        return context.backend();
      }

      @Override
      public long seed() {
        return context.seed();
      }

      @Override
      public Progress progress() {
        return context.progress();
      }
    };
  }
}
