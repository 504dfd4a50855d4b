package org.latentlab.experiments;

import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.params.ParameterGroup;
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
 * A test model: a linear dense autoencoder trained by plain SGD on the squared error, so a large enough
 * learning rate makes it diverge (the weights grow geometrically until the loss overflows), which the
 * conv autoencoder's bounded Adam steps never do. Registered for tests only.
 */
public final class DenseSgdModelProvider implements ModelProvider<DenseSgdModelProvider.Settings> {
  /**
   * Settings.
   *
   * @param learningRate SGD learning rate (default 0.01)
   */
  public record Settings(Double learningRate) implements Parameters {
    /** Fills in the default. */
    public Settings {
      learningRate = learningRate == null ? 0.01 : learningRate;
    }
  }

  @Override
  public String id() {
    return "test-dense-sgd";
  }

  @Override
  public String description() {
    return "test model: linear dense autoencoder trained by plain SGD";
  }

  @Override
  public Class<Settings> parametersType() {
    return Settings.class;
  }

  @Override
  public Model create(Settings settings, ModelContext context) {
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
          return Losses.of(ops.losses().mse(decoder.apply(ops, encoder.apply(ops, x)), x));
        }, ParameterGroup.all(), new OptimizerSpec.Sgd(settings.learningRate(), 0, 0)));
      }

      @Override
      public Map<String, InferenceFunction> functions() {
        return Map.of(Model.Functions.ENCODE, encode);
      }
    };
  }
}
