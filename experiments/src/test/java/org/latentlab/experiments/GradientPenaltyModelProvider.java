package org.latentlab.experiments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A test model that needs {@link Capability#HIGHER_ORDER_GRADIENTS}: a dense autoencoder whose loss
 * adds a penalty on the gradient of its code with respect to the input (a contractive-style term, the
 * same kind of second-order term as a WGAN-GP gradient penalty). Registered for tests only.
 */
public final class GradientPenaltyModelProvider implements ModelProvider<GradientPenaltyModelProvider.Settings> {
  /** No settings. */
  public record Settings() implements Parameters {}

  @Override
  public String id() {
    return "test-gradient-penalty";
  }

  @Override
  public String description() {
    return "test model: dense autoencoder with an input-gradient penalty";
  }

  @Override
  public Class<Settings> parametersType() {
    return Settings.class;
  }

  @Override
  public Set<Capability> requiredCapabilities(Settings parameters) {
    return Set.of(Capability.HIGHER_ORDER_GRADIENTS);
  }

  @Override
  public Model create(Settings parameters, ModelContext context) {
    DataShape data = context.data();
    int pixels = data.channels() * data.height() * data.width();
    Dense encoder = new Dense(context.scope().child("encoder"), pixels, 8);
    Dense decoder = new Dense(context.scope().child("decoder"), 8, pixels);
    InferenceFunction encode = (ops, in) -> Map.of("z", encoder.apply(ops, ops.shape().flatten(in.get("x"))));
    return new Model() {
      @Override
      public TrainingProgram program() {
        return TrainingProgram.single(new TrainingStep("autoencoder", (ops, batch) -> {
          Tensor x = ops.shape().flatten(batch.get("x"));
          Tensor z = encoder.apply(ops, x);
          Tensor reconstruction = ops.losses().binaryCrossEntropyWithLogits(decoder.apply(ops, z), x);
          Tensor penalty = penalty(ops, z, x);
          return new Losses(ops.math().add(reconstruction, ops.math().scale(penalty, 0.01f)),
              Map.of("penalty", penalty));
        }, ParameterGroup.all(), OptimizerSpec.Adam.of(1e-2)));
      }

      @Override
      public Map<String, InferenceFunction> functions() {
        return Map.of(Model.Functions.ENCODE, encode);
      }
    };
  }

  /** Mean squared gradient of the code's sum with respect to the input. */
  private static Tensor penalty(Ops ops, Tensor z, Tensor x) {
    Tensor g = ops.gradients(ops.math().sum(z), List.of(x)).get(0);
    return ops.math().mean(ops.math().square(g));
  }
}
