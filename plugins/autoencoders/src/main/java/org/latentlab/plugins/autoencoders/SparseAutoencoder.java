package org.latentlab.plugins.autoencoders;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A sparse autoencoder (Ng 2011; see {@link SparseAutoencoderParameters} for the penalties). One step,
 * {@code autoencoder}, reporting the terms {@code reconstruction} and {@code sparsity} (the weighted
 * penalty). With the KL penalty {@code encode} returns the sigmoid activations, in (0, 1).
 */
public final class SparseAutoencoder extends AutoencoderBase {
  /** Keeps {@code log} finite when a unit's batch mean saturates. */
  private static final float EPS = 1e-6f;

  private final SparseAutoencoderParameters parameters;

  SparseAutoencoder(SparseAutoencoderParameters p, ModelContext context) {
    super(Network.build("sparse-autoencoder", Architecture.parse(p.architecture()), context.scope(), context.data(),
        p.latentDim(), Checks.size(Architecture.parse(p.architecture()), p.channels(), p.hidden()),
        Map.of("fc", p.latentDim())));
    this.parameters = p;
  }

  @Override
  Tensor encode(Ops ops, Tensor x) {
    Tensor z = super.encode(ops, x);
    return parameters.kl() ? ops.nn().sigmoid(z) : z;
  }

  @Override
  public TrainingProgram program() {
    ReconstructionLoss loss = ReconstructionLoss.parse(parameters.loss());
    float weight = parameters.sparsityWeight().floatValue();
    return TrainingProgram.single(new TrainingStep(
        "autoencoder",
        (ops, batch) -> {
          Tensor x = batch.get("x");
          Tensor z = encode(ops, x);
          Tensor reconstruction = loss.apply(ops, decodeLogits(ops, z), x);
          Tensor sparsity = ops.math().scale(penalty(ops, z), weight);
          Map<String, Tensor> terms = new LinkedHashMap<>();
          terms.put("reconstruction", reconstruction);
          terms.put("sparsity", sparsity);
          return new Losses(ops.math().add(reconstruction, sparsity), terms);
        },
        ParameterGroup.all(),
        OptimizerSpec.Adam.of(parameters.learningRate())));
  }

  /** The unweighted penalty of the codes {@code z [n, d]}. */
  Tensor penalty(Ops ops, Tensor z) {
    if (!parameters.kl()) {
      return ops.losses().l1(z);
    }
    return klSparsity(ops, z, parameters.rho().floatValue());
  }

  /** {@code sum_j KL(rho || rho^_j)}, {@code rho^_j} the mean of column {@code j} of {@code a [n, d]}. */
  static Tensor klSparsity(Ops ops, Tensor a, float rho) {
    MathOps m = ops.math();
    Tensor rhoHat = m.clip(m.mean(a, false, 0), EPS, 1 - EPS);
    float constant = (float) (rho * Math.log(rho) + (1 - rho) * Math.log(1 - rho));
    Tensor crossEntropy = m.add(m.scale(m.log(rhoHat), -rho), m.scale(m.log(m.addScalar(m.neg(rhoHat), 1f)), -(1 - rho)));
    return m.sum(m.addScalar(crossEntropy, constant));
  }
}
