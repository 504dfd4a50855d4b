package org.latentlab.plugins.autoencoders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * The variational autoencoder (Kingma &amp; Welling 2014; beta-VAE, Higgins et al. 2017); see
 * {@link VaeParameters} for the objective. One step, {@code vae}, reporting {@code reconstruction}
 * (summed over pixels, mean over the batch) and {@code kl} (unweighted, mean over the batch).
 *
 * <p>Functions: {@code encode} returns the posterior mean; {@code decode} and {@code generate} map
 * {@code z} to the decoder's mean image (given standard-normal {@code z}, {@code generate} is a prior
 * sample); {@code reconstruct} decodes the mean; {@code negative-elbo} gives {@code score [n]}, the
 * reconstruction term at one posterior sample plus the KL term (beta 1: the true negative ELBO).
 */
public final class Vae extends AutoencoderBase {
  private static final float LOGVAR_LIMIT = 10f;

  private final VaeParameters parameters;
  private final int imageSize;

  Vae(VaeParameters p, ModelContext context) {
    super(Network.build("vae", Architecture.parse(p.architecture()), context.scope(), context.data(), p.latentDim(),
        Checks.size(Architecture.parse(p.architecture()), p.channels(), p.hidden()), heads(p.latentDim())));
    this.parameters = p;
    this.imageSize = context.data().imageSize();
  }

  private static Map<String, Integer> heads(int latentDim) {
    Map<String, Integer> heads = new LinkedHashMap<>();
    heads.put("mean", latentDim);
    heads.put("logvar", latentDim);
    return heads;
  }

  /**
   * The posterior's mean and log-variance, {@code [n, d]} each. The log-variance is clipped to
   * [-{@value #LOGVAR_LIMIT}, {@value #LOGVAR_LIMIT}]: an unbounded one can overflow {@code exp} early in
   * training (seen on the shapes set, whose images are mostly black), and no useful posterior needs a
   * standard deviation outside [e^-5, e^5].
   */
  private List<Tensor> posterior(Ops ops, Tensor x) {
    Tensor h = network.trunk().apply(ops, x);
    Tensor logvar = ops.math().clip(network.heads().get(1).apply(ops, h), -LOGVAR_LIMIT, LOGVAR_LIMIT);
    return List.of(network.heads().get(0).apply(ops, h), logvar);
  }

  @Override
  Tensor encode(Ops ops, Tensor x) {
    return posterior(ops, x).get(0);
  }

  /** {@code mu + exp(logvar / 2) * eps}, {@code eps ~ N(0, I)}: the reparameterised sample. */
  private static Tensor sample(Ops ops, Tensor mean, Tensor logvar) {
    MathOps m = ops.math();
    return m.add(mean, m.mul(m.exp(m.scale(logvar, 0.5f)), ops.random().normalLike(mean)));
  }

  /** {@code -1/2 sum_j (1 + logvar - mu^2 - exp(logvar))} per row, {@code [n]}. */
  static Tensor klPerRow(Ops ops, Tensor mean, Tensor logvar) {
    MathOps m = ops.math();
    Tensor inner = m.sub(m.addScalar(logvar, 1f), m.add(m.square(mean), m.exp(logvar)));
    return m.scale(m.sum(inner, false, 1), -0.5f);
  }

  /** The reconstruction term summed over each image's pixels, {@code [n]}. */
  private Tensor reconstructionPerImage(Ops ops, Tensor logits, Tensor x) {
    MathOps m = ops.math();
    Tensor l = ops.shape().flatten(logits);
    Tensor t = ops.shape().flatten(x);
    Tensor perPixel = ReconstructionLoss.parse(parameters.loss()) == ReconstructionLoss.BCE
        // max(l, 0) - l t + log(1 + exp(-|l|)) = softplus(l) - l t
        ? m.sub(ops.nn().softplus(l), m.mul(l, t))
        : m.square(m.sub(ops.nn().sigmoid(l), t));
    return m.sum(perPixel, false, 1);
  }

  @Override
  public TrainingProgram program() {
    ReconstructionLoss loss = ReconstructionLoss.parse(parameters.loss());
    float beta = parameters.beta().floatValue();
    return TrainingProgram.single(new TrainingStep(
        "vae",
        (ops, batch) -> {
          Tensor x = batch.get("x");
          List<Tensor> q = posterior(ops, x);
          Tensor logits = decodeLogits(ops, sample(ops, q.get(0), q.get(1)));
          // The mean over all pixels times pixels per image: the per-image sum averaged over the batch.
          Tensor reconstruction = ops.math().scale(loss.apply(ops, logits, x), imageSize);
          Tensor kl = ops.math().mean(klPerRow(ops, q.get(0), q.get(1)));
          Map<String, Tensor> terms = new LinkedHashMap<>();
          terms.put("reconstruction", reconstruction);
          terms.put("kl", kl);
          return new Losses(ops.math().add(reconstruction, ops.math().scale(kl, beta)), terms);
        },
        ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  @Override
  void addFunctions(Map<String, InferenceFunction> functions) {
    functions.put(Functions.GENERATE, (ops, in) -> Map.of("x", decode(ops, in.get("z"))));
    functions.put(Functions.NEGATIVE_ELBO, (ops, in) -> {
      Tensor x = in.get("x");
      List<Tensor> q = posterior(ops, x);
      Tensor logits = decodeLogits(ops, sample(ops, q.get(0), q.get(1)));
      return Map.of("score", ops.math().add(reconstructionPerImage(ops, logits, x), klPerRow(ops, q.get(0), q.get(1))));
    });
  }

  /** {@inheritDoc} The code size: {@code generate} decodes standard-normal codes. */
  @Override
  public OptionalInt noiseSize() {
    return OptionalInt.of(parameters.latentDim());
  }
}
