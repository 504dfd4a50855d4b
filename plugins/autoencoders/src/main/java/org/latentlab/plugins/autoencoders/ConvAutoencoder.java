package org.latentlab.plugins.autoencoders;

import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.ConvTranspose2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
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
public final class ConvAutoencoder implements Model {
  private final Sequential encoder;
  private final Sequential decoderLogits;
  private final ConvAutoencoderParameters parameters;

  ConvAutoencoder(ConvAutoencoderParameters p, ModelContext context) {
    this.parameters = p;
    DataShape data = context.data();
    Scope enc = context.scope().child("encoder");
    Scope dec = context.scope().child("decoder");
    int ch = p.channels();
    Conv2d conv1 = new Conv2d(enc.child("conv1"), data.channels(), ch, 4, 2, 1);
    Conv2d conv2 = new Conv2d(enc.child("conv2"), ch, 2 * ch, 4, 2, 1);
    int midH = conv1.outputSize(data.height());
    int midW = conv1.outputSize(data.width());
    int h = conv2.outputSize(midH);
    int w = conv2.outputSize(midW);
    if (h < 1 || w < 1 || data.height() < 4 || data.width() < 4) {
      throw new IllegalArgumentException("conv-autoencoder: images of " + data.height() + "x" + data.width()
          + " are too small for two stride-2 convolutions (need at least 4x4)");
    }
    // A k4 s2 p1 transposed convolution doubles the side; output padding restores an odd side.
    int pad1 = midH - 2 * h;
    int pad2 = data.height() - 2 * midH;
    if (pad1 != midW - 2 * w || pad2 != data.width() - 2 * midW) {
      throw new IllegalArgumentException("conv-autoencoder: cannot mirror " + data.height() + "x" + data.width()
          + " images exactly; use height and width of the same parity at each halving (e.g. square images)");
    }
    int flat = 2 * ch * h * w;
    this.encoder = Sequential.of(
        conv1, Activation.relu(), conv2, Activation.relu(), Reshape.flatten(),
        new Dense(enc.child("fc"), flat, p.latentDim()));
    this.decoderLogits = Sequential.of(
        new Dense(dec.child("fc"), p.latentDim(), flat), Activation.relu(), Reshape.to(2 * ch, h, w),
        new ConvTranspose2d(dec.child("deconv1"), 2 * ch, ch, 4, 2, 1, pad1, Initializers.heNormal()),
        Activation.relu(),
        new ConvTranspose2d(dec.child("deconv2"), ch, data.channels(), 4, 2, 1, pad2, Initializers.glorotNormal()));
  }

  @Override
  public TrainingProgram program() {
    ReconstructionLoss loss = parameters.reconstructionLoss();
    return TrainingProgram.single(new TrainingStep(
        "autoencoder",
        (ops, batch) -> {
          Tensor x = batch.get("x");
          Tensor logits = decoderLogits.apply(ops, encoder.apply(ops, corrupt(ops, x)));
          Tensor reconstruction = loss.apply(ops, logits, x);
          return new Losses(reconstruction, Map.of("reconstruction-" + loss.id(), reconstruction));
        },
        ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    InferenceFunction encode = (ops, in) -> Map.of("z", encoder.apply(ops, in.get("x")));
    InferenceFunction decode = (ops, in) -> Map.of("x", decode(ops, in.get("z")));
    InferenceFunction reconstruct = (ops, in) -> Map.of("x", decode(ops, encoder.apply(ops, in.get("x"))));
    return Map.of(Functions.ENCODE, encode, Functions.DECODE, decode, Functions.RECONSTRUCT, reconstruct);
  }

  /** {@code clip(x + sigma * N(0, 1), 0, 1)}: the denoising corruption; identity when sigma is 0. */
  private Tensor corrupt(Ops ops, Tensor x) {
    float sigma = parameters.inputNoise().floatValue();
    if (sigma == 0) {
      return x;
    }
    return ops.math().clip(ops.math().add(x, ops.math().scale(ops.random().normalLike(x), sigma)), 0, 1);
  }

  private Tensor decode(Ops ops, Tensor z) {
    return ops.nn().sigmoid(decoderLogits.apply(ops, z));
  }
}
