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
 * The denoising autoencoder (Vincent et al. 2008, 2010): each training batch is corrupted in the step
 * with {@code ops.random()} (trace-safe, reproducible from the run's seed and step number), encoded and
 * decoded, and scored against the clean batch. Inference ({@code encode}, {@code reconstruct}) sees
 * clean inputs. One step, {@code autoencoder}, reporting the term {@code reconstruction}.
 */
public final class DenoisingAutoencoder extends AutoencoderBase {
  private final DenoisingAutoencoderParameters parameters;

  DenoisingAutoencoder(DenoisingAutoencoderParameters p, ModelContext context) {
    super(Network.build("denoising-autoencoder", Architecture.parse(p.architecture()), context.scope(),
        context.data(), p.latentDim(), Checks.size(Architecture.parse(p.architecture()), p.channels(), p.hidden()),
        Map.of("fc", p.latentDim())));
    this.parameters = p;
  }

  @Override
  public TrainingProgram program() {
    ReconstructionLoss loss = ReconstructionLoss.parse(parameters.loss());
    Corruption corruption = Corruption.parse(parameters.corruption());
    float level = parameters.noiseLevel().floatValue();
    return TrainingProgram.single(new TrainingStep(
        "autoencoder",
        (ops, batch) -> {
          Tensor x = batch.get("x");
          Tensor noisy = level == 0 ? x : corruption.apply(ops, x, level);
          Tensor reconstruction = loss.apply(ops, decodeLogits(ops, encode(ops, noisy)), x);
          return new Losses(reconstruction, Map.of("reconstruction", reconstruction));
        },
        ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }
}
