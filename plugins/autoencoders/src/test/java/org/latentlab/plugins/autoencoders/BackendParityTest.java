package org.latentlab.plugins.autoencoders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Trainer;
import org.latentlab.plugins.datasets.Mnist10kDatasetProvider;
import org.latentlab.plugins.datasets.Mnist10kParameters;
import org.latentlab.testkit.TestBackends;

/**
 * One model code, two engines: the quickstart model (conv autoencoder, latent 32, BCE, Adam 2e-3) on
 * the embedded MNIST images gives the same losses on DJL and TensorFlow from the same initial weights
 * and batches, and a state trained on one backend runs unchanged on the other.
 */
class BackendParityTest {
  private static final int BATCH = 64;
  private static final int STEPS = 20;
  private static final ConvAutoencoderParameters QUICKSTART = new ConvAutoencoderParameters(32, "bce", 32, 0.002, 0.0);

  private static Backend djl;
  private static Backend tensorflow;
  private static ImageSet images;
  private static DataShape shape;

  @BeforeAll
  static void load() throws IOException {
    djl = TestBackends.create("djl");
    tensorflow = TestBackends.create("tensorflow");
    Dataset mnist = new Mnist10kDatasetProvider().load(new Mnist10kParameters(null, null));
    images = mnist.train();
    shape = mnist.shape();
  }

  @AfterAll
  static void close() {
    djl.close();
    tensorflow.close();
  }

  private static Model build(ParameterStore store) {
    return new ConvAutoencoderProvider().create(QUICKSTART, new ModelContext(Scope.root(store), shape));
  }

  private static HostTensor batch(int i) {
    int[] idx = new int[BATCH];
    for (int j = 0; j < BATCH; j++) {
      idx[j] = (i * BATCH + j) % images.size();
    }
    return images.images(idx);
  }

  /** The reported loss of each of {@code steps} optimizer steps (each before its own update). */
  private static List<Float> losses(Backend backend, int steps) {
    ParameterStore store = new ParameterStore(42);
    Model model = build(store);
    try (ComputeSession session = backend.open(store, 42)) {
      Trainer trainer = session.trainer(model.program());
      List<Float> out = new ArrayList<>();
      for (int i = 0; i < steps; i++) {
        out.add(trainer.step("autoencoder", Map.of("x", batch(i))).get("loss"));
      }
      return out;
    }
  }

  private static double relative(float a, float b) {
    return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  }

  @Test
  void sameWeightsAndBatchesGiveTheSameLossesOnBothBackends() {
    List<Float> onDjl = losses(djl, STEPS + 1);
    List<Float> onTensorflow = losses(tensorflow, STEPS + 1);
    System.out.printf("parity: step 0 loss djl %.7f tensorflow %.7f; step %d loss djl %.7f tensorflow %.7f%n",
        onDjl.get(0), onTensorflow.get(0), STEPS, onDjl.get(STEPS), onTensorflow.get(STEPS));
    assertThat(relative(onDjl.get(0), onTensorflow.get(0))).as("step-0 loss, relative difference").isLessThan(1e-5);
    for (int i = 1; i <= STEPS; i++) {
      assertThat(relative(onDjl.get(i), onTensorflow.get(i)))
          .as("loss after %d optimizer steps: djl %s, tensorflow %s", i, onDjl.get(i), onTensorflow.get(i))
          .isLessThan(1e-3);
    }
    assertThat(onDjl.get(STEPS)).as("the model learns").isLessThan(0.8f * onDjl.get(0));
  }

  @Test
  void aStateTrainedOnOneBackendRunsUnchangedOnTheOther() {
    ParameterStore trainedStore = new ParameterStore(7);
    Model trained = build(trainedStore);
    Map<String, HostTensor> state;
    HostTensor reconstructedOnDjl;
    float nextLossOnDjl;
    try (ComputeSession session = djl.open(trainedStore, 7)) {
      Trainer trainer = session.trainer(trained.program());
      for (int i = 0; i < 5; i++) {
        trainer.step("autoencoder", Map.of("x", batch(i)));
      }
      state = session.readState();
      reconstructedOnDjl = reconstruct(session, trained);
      nextLossOnDjl = trainer.step("autoencoder", Map.of("x", batch(5))).get("loss");
    }
    ParameterStore freshStore = new ParameterStore(99);
    Model fresh = build(freshStore);
    try (ComputeSession session = tensorflow.open(freshStore, 99)) {
      Trainer trainer = session.trainer(fresh.program());
      session.writeState(state);
      HostTensor reconstructedOnTensorflow = reconstruct(session, fresh);
      float maxDiff = 0;
      for (int i = 0; i < reconstructedOnDjl.size(); i++) {
        maxDiff = Math.max(maxDiff, Math.abs(reconstructedOnDjl.data()[i] - reconstructedOnTensorflow.data()[i]));
      }
      assertThat(maxDiff).as("largest pixel difference of the reconstructions").isLessThan(1e-4f);
      // The optimizer slots came along too: the next step continues the same trajectory.
      float nextLossOnTensorflow = trainer.step("autoencoder", Map.of("x", batch(5))).get("loss");
      assertThat(relative(nextLossOnDjl, nextLossOnTensorflow)).isLessThan(1e-4);
    }
  }

  private static HostTensor reconstruct(ComputeSession session, Model model) {
    return session.compile(model.functions().get(Model.Functions.RECONSTRUCT)).apply(Map.of("x", batch(50))).get("x");
  }
}
