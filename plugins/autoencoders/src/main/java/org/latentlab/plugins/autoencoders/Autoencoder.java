package org.latentlab.plugins.autoencoders;

import java.util.Map;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * The plain autoencoder (Hinton &amp; Salakhutdinov 2006): {@code z = f(x)}, {@code x^ = sigmoid(g(z))},
 * minimising {@code L(x, x^)} ({@code bce} or {@code mse}, mean per pixel) with Adam. One step,
 * {@code autoencoder}, reporting the term {@code reconstruction}.
 */
public final class Autoencoder extends AutoencoderBase {
  private final AutoencoderParameters parameters;

  Autoencoder(AutoencoderParameters p, ModelContext context) {
    super(Network.build("autoencoder", Architecture.parse(p.architecture()), context.scope(), context.data(),
        p.latentDim(), Checks.size(Architecture.parse(p.architecture()), p.channels(), p.hidden()),
        Map.of("fc", p.latentDim())));
    this.parameters = p;
  }

  @Override
  public TrainingProgram program() {
    ReconstructionLoss loss = ReconstructionLoss.parse(parameters.loss());
    return TrainingProgram.single(new TrainingStep(
        "autoencoder",
        (ops, batch) -> {
          Tensor x = batch.get("x");
          Tensor reconstruction = loss.apply(ops, decodeLogits(ops, encode(ops, x)), x);
          return new Losses(reconstruction, Map.of("reconstruction", reconstruction));
        },
        ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }
}
