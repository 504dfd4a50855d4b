package org.latentlab.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.BatchContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Progress;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.SessionFunctions;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;
import org.latentlab.experiments.descriptor.TrainingBudget;
import org.latentlab.testkit.TestBackends;

/**
 * The training loop hands {@link Model#prepareBatch(String, Map, BatchContext)} the step's number and the
 * budget's total, the batch images' indices in the training split, and the model's functions compiled against
 * the training session, which see the weights as the previous step left them.
 */
class TrainingLoopBatchContextTest {
  @TempDir Path dir;

  /** One parameter {@code w} (start 5) that SGD (rate 0.5) lowers by 0.5 a step; prepareBatch records what it sees. */
  private static final class Recorder implements Model {
    final List<BatchContext> contexts = new ArrayList<>();
    final List<Float> weights = new ArrayList<>();
    final List<float[]> images = new ArrayList<>();
    private final InferenceFunction readWeight = (ops, in) -> Map.of("w", ops.param("w"));

    @Override
    public TrainingProgram program() {
      return TrainingProgram.single(new TrainingStep("fit", (ops, batch) -> Losses.of(ops.math().add(ops.param("w"),
          ops.math().scale(ops.math().sum(batch.get("x")), 0))), ParameterGroup.all(), new OptimizerSpec.Sgd(0.5, 0, 0)));
    }

    @Override
    public Map<String, InferenceFunction> functions() {
      return Map.of();
    }

    @Override
    public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, BatchContext context) {
      contexts.add(context);
      weights.add(context.functions().compiled(readWeight).apply(Map.of()).get("w").item());
      images.add(batch.get("x").data());
      return batch;
    }
  }

  @Test
  void prepareBatchSeesTheStepTheIndicesAndTheCurrentWeights() throws Exception {
    int n = 12;
    float[] pixels = new float[n];
    for (int i = 0; i < n; i++) {
      pixels[i] = i;
    }
    ImageSet train = new ImageSet(pixels, new int[n], 1, 1, 1);
    ParameterStore store = new ParameterStore(1);
    store.trainable("w", new int[0], Initializers.constant(5), 1, 1);
    Recorder model = new Recorder();
    TrainingBudget budget = new TrainingBudget(2, 4, 1, 100, null, null);
    try (Backend backend = TestBackends.create("djl");
         ComputeSession session = backend.open(store, 1);
         MetricsLog log = new MetricsLog(dir.resolve("metrics.jsonl"))) {
      new TrainingLoop(session.trainer(model.program()), new SessionFunctions(session), model, train, budget, 1, log,
          Progress.none(), new Checkpoints(dir.resolve("checkpoints"), session), it -> { }).run(0);
    }
    assertThat(model.contexts).hasSize(6);
    Set<Integer> firstEpoch = new HashSet<>();
    for (int s = 0; s < 6; s++) {
      BatchContext context = model.contexts.get(s);
      assertThat(context.step()).isEqualTo(s + 1);
      assertThat(context.totalSteps()).isEqualTo(6);
      assertThat(model.weights.get(s)).as("w before step %d", s + 1).isEqualTo(5 - 0.5f * s);
      for (int i = 0; i < 4; i++) {
        assertThat(model.images.get(s)[i]).as("image %d is the one at its index", i).isEqualTo(context.indices()[i]);
        if (s < 3) {
          firstEpoch.add(context.indices()[i]);
        }
      }
    }
    assertThat(firstEpoch).as("an epoch covers the split once").hasSize(12);
    assertThat(model.contexts.get(0).functions()).isSameAs(model.contexts.get(5).functions());
  }
}
