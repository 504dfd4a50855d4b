package org.latentlab.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/** The provider's contract, the engine it loads, and the one-collector-per-JVM rule. */
class DjlBackendProviderTest {
  @Test
  void providerIsFoundAndDeclaresItsCapabilities() {
    assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(p -> assertThat(p).isInstanceOf(DjlBackendProvider.class));
    DjlBackendProvider provider = new DjlBackendProvider();
    assertThat(provider.id()).isEqualTo("djl");
    assertThat(provider.parametersType()).isEqualTo(DjlParameters.class);
    assertThat(provider.capabilities()).containsExactlyInAnyOrder(Capability.DETERMINISTIC, Capability.INPUT_GRADIENTS)
        .doesNotContain(Capability.HIGHER_ORDER_GRADIENTS);
  }

  @Test
  void parametersHaveDefaultsAndAreValidated() {
    assertThat(new DjlParameters(null).threads()).isEqualTo(2);
    Problems ok = new Problems();
    new DjlParameters(4).validate(ok);
    assertThat(ok.isEmpty()).isTrue();
    Problems bad = new Problems();
    new DjlParameters(0).validate(bad);
    assertThat(bad.all()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("threads"));
    assertThatThrownBy(() -> new DjlBackendProvider().create(new DjlParameters(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
  }

  @Test
  void engineVersionNamesPyTorchAndDjl() {
    try (Backend backend = new DjlBackendProvider().create(new DjlParameters(null))) {
      assertThat(backend.id()).isEqualTo("djl");
      assertThat(backend.engineVersion()).matches("PyTorch \\d+\\.\\d+\\.\\d+ via DJL \\d+\\.\\d+\\.\\d+");
      assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }
  }

  @Test
  void aConcurrentTrainingStepFailsClearlyAndTheRunningOneFinishes() throws Exception {
    try (Backend backend = new DjlBackendProvider().create(new DjlParameters(null))) {
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      TrainingStep blocking = new TrainingStep("slow", (ops, b) -> {
        inside.countDown();
        await(release);
        return Losses.of(ops.math().sum(ops.math().square(ops.param("w"))));
      }, ParameterGroup.all(), new OptimizerSpec.Sgd(0.25, 0, 0));
      TrainingStep quick = new TrainingStep("quick", (ops, b) -> Losses.of(ops.math().sum(ops.param("w"))),
          ParameterGroup.all(), new OptimizerSpec.Sgd(1, 0, 0));
      try (ComputeSession first = backend.open(store(), 1); ComputeSession second = backend.open(store(), 2)) {
        Trainer slow = first.trainer(TrainingProgram.single(blocking));
        Trainer other = second.trainer(TrainingProgram.single(quick));
        AtomicReference<Map<String, Float>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
          try {
            result.set(slow.step("slow", Map.of()));
          } catch (RuntimeException e) {
            failure.set(e);
          }
        }, "first-session");
        runner.start();
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> other.step("quick", Map.of()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("one training step at a time");
        release.countDown();
        runner.join(30_000);
        assertThat(failure.get()).as("failure of the running step").isNull();
        assertThat(result.get()).containsEntry(Losses.OBJECTIVE, 8f);
        assertThat(first.readState().get("w").data()).containsExactly(1f, 1f);
        // The refused step left the second session untouched and usable.
        assertThat(second.readState().get("w").data()).containsExactly(2f, 2f);
        other.step("quick", Map.of());
        assertThat(second.readState().get("w").data()).containsExactly(1f, 1f);
      }
    }
  }

  private static ParameterStore store() {
    ParameterStore store = new ParameterStore(0);
    store.trainable("w", new int[] {2}, Initializers.constant(2), 1, 1);
    return store;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
