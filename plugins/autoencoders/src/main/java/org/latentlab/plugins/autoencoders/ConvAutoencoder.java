package org.latentlab.plugins.autoencoders;

import java.util.Map;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A convolutional autoencoder (Hinton &amp; Salakhutdinov 2006 in spirit; conv form as in Masci et al.
 * 2011). Encoder: Conv(c -> ch, k4 s2 p1) + ReLU, Conv(ch -> 2ch, k4 s2 p1) + ReLU, Dense -> z.
 * Decoder mirrored: Dense + ReLU, ConvT(2ch -> ch, k4 s2 p1) + ReLU, ConvT(ch -> c, k4 s2 p1), sigmoid.
 * Trained to minimise the reconstruction loss {@code L(x, g(f(x~)))} (BCE or MSE) with Adam, where
 * {@code x~} is {@code x} itself or, with {@code inputNoise > 0}, {@code x} plus clipped Gaussian noise
 * (the denoising autoencoder of Vincent et al. 2008).
 */
public final class ConvAutoencoder extends AutoencoderBase {
  private final ConvAutoencoderParameters parameters;

  ConvAutoencoder(ConvAutoencoderParameters p, ModelContext context) {
    super(Network.build("conv-autoencoder", Architecture.CONV, context.scope(), context.data(), p.latentDim(),
        p.channels(), Map.of("fc", p.latentDim())));
    this.parameters = p;
  }

  @Override
  public TrainingProgram program() {
    ReconstructionLoss loss = parameters.reconstructionLoss();
    return TrainingProgram.single(new TrainingStep(
        "autoencoder",
        (ops, batch) -> {
          Tensor x = batch.get("x");
          Tensor logits = decodeLogits(ops, encode(ops, corrupt(ops, x)));
          Tensor reconstruction = loss.apply(ops, logits, x);
          return new Losses(reconstruction, Map.of("reconstruction-" + loss.id(), reconstruction));
        },
        ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  /** {@code clip(x + sigma * N(0, 1), 0, 1)}: the denoising corruption; identity when sigma is 0. */
  private Tensor corrupt(Ops ops, Tensor x) {
    float sigma = parameters.inputNoise().floatValue();
    if (sigma == 0) {
      return x;
    }
    return ops.math().clip(ops.math().add(x, ops.math().scale(ops.random().normalLike(x), sigma)), 0, 1);
  }
}
