package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.testkit.TestBackends;

/** The two steps of every GAN: their schedule, and each updating only its own network. */
class AdversarialProgramTest {
  private static final ImageSet DATA = GanData.quadrantSquares(32, 2);

  @org.junit.jupiter.api.Test
  void discriminatorStepsRunKTimesBeforeEachGeneratorStep() {
    ParameterStore store = new ParameterStore(1);
    TrainingProgram program = new GanProvider().create(new GanParameters(4, 8, null, null, null, 3),
        new ModelContext(Scope.root(store), GanData.SHAPE)).program();
    assertThat(program.steps()).extracting(s -> s.name())
        .containsExactly(AdversarialProgram.DISCRIMINATOR, AdversarialProgram.GENERATOR);
    assertThat(program.repeats()).containsExactly(3, 1);
    assertThat(program.step(AdversarialProgram.GENERATOR).parameters(store))
        .isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("generator/"));
    assertThat(program.step(AdversarialProgram.DISCRIMINATOR).parameters(store))
        .isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("discriminator/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void eachStepChangesOnlyItsOwnNetwork(String backend) {
    ParameterStore store = new ParameterStore(2);
    Model model = new DcganProvider().create(new DcganParameters(4, 4, null, 1e-2, null, null, null),
        new ModelContext(Scope.root(store), GanData.SHAPE));
    int[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
    Map<String, HostTensor> batch = Map.of("x", DATA.images(idx), "y", DATA.labelTensor(idx));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 2)) {
      Trainer trainer = session.trainer(model.program());
      for (String step : List.of(AdversarialProgram.DISCRIMINATOR, AdversarialProgram.GENERATOR)) {
        Map<String, HostTensor> before = session.readState();
        trainer.step(step, batch);
        Map<String, HostTensor> after = session.readState();
        for (String name : model.program().step(AdversarialProgram.DISCRIMINATOR).parameters(store)) {
          assertThat(after.get(name).equals(before.get(name))).as("%s after a %s step unchanged", name, step)
              .isEqualTo(!step.equals(AdversarialProgram.DISCRIMINATOR));
        }
        for (String name : model.program().step(AdversarialProgram.GENERATOR).parameters(store)) {
          assertThat(after.get(name).equals(before.get(name))).as("%s after a %s step unchanged", name, step)
              .isEqualTo(!step.equals(AdversarialProgram.GENERATOR));
        }
      }
    }
  }
}
