package org.latentlab.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.BatchNorm;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.ConvTranspose2d;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;
import org.latentlab.testkit.BackendHarness;
import org.junit.jupiter.api.Test;

/** Steps and function calls leave nothing behind in the session (DJL attaches results to the first operand's manager). */
class DjlMemoryTest {
  @Test
  void manyStepsAndCallsKeepTheSessionsArraysConstant() {
    try (Backend backend = new DjlBackendProvider().create(new DjlParameters(null))) {
      ParameterStore store = new ParameterStore(1);
      Scope root = Scope.root(store);
      Sequential net = Sequential.of(new Conv2d(root.child("c"), 1, 4, 4, 2, 1), new BatchNorm(root.child("bn"), 4),
          Activation.relu(), new ConvTranspose2d(root.child("u"), 4, 1, 4, 2, 1));
      TrainingStep step = new TrainingStep("ae", (ops, b) -> Losses.of(ops.losses().mse(net.apply(ops, b.get("x")), b.get("x"))),
          ParameterGroup.all(), OptimizerSpec.Adam.of(1e-2));
      HostTensor x = BackendHarness.random(2, 0, 1, 8, 1, 8, 8);
      try (DjlComputeSession session = (DjlComputeSession) backend.open(store, 1)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        var fn = session.compile((ops, in) -> Map.of("y", net.apply(ops, in.get("x"))));
        trainer.step("ae", Map.of("x", x));
        int owned = session.ownedArrays();
        assertThat(owned).isEqualTo(store.entries().size());
        float first = 0;
        float last = 0;
        for (int i = 0; i < 300; i++) {
          last = trainer.step("ae", Map.of("x", x)).get(Losses.OBJECTIVE);
          if (i == 0) {
            first = last;
          }
          fn.apply(Map.of("x", x));
        }
        assertThat(session.ownedArrays()).isEqualTo(owned);
        assertThat(last).isLessThan(0.5f * first);
      }
    }
  }
}
