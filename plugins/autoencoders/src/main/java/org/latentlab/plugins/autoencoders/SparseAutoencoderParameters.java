package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link SparseAutoencoderProvider}: a sparse autoencoder (Ng, "Sparse autoencoder",
 * CS294A lecture notes 2011), minimising {@code L(x, g(f(x))) + sparsityWeight * P(z)} where
 * <ul>
 *   <li>{@code kl}: the code units pass through a sigmoid, {@code rho^_j} is the batch mean of unit
 *       {@code j}, and {@code P = sum_j KL(rho || rho^_j) = sum_j rho log(rho / rho^_j)
 *       + (1 - rho) log((1 - rho) / (1 - rho^_j))};</li>
 *   <li>{@code l1}: a linear code and {@code P = mean |z|}.</li>
 * </ul>
 *
 * @param architecture   {@code mlp} (default; Ng's single-hidden-layer form) or {@code conv}
 * @param latentDim      number of code units (default 128)
 * @param channels       channels of the first conv block (conv; default 32)
 * @param hidden         width of the hidden dense layer (mlp; default 512)
 * @param loss           reconstruction loss, {@code bce} (default) or {@code mse}, mean per pixel
 * @param penalty        {@code kl} (default) or {@code l1}
 * @param sparsityWeight weight of the penalty (default 0.02, sized for the mean-per-pixel reconstruction:
 *                       10 epochs at batch 128 on the 8000 MNIST-10k training images
 *                       bring the mean test code activation to 0.054 for rho 0.05; 0.01 gives 0.058, 0.003 gives 0.074)
 * @param rho            target mean activation of each code unit, KL penalty only (default 0.05)
 * @param learningRate   Adam learning rate (default 1e-3)
 */
public record SparseAutoencoderParameters(String architecture, Integer latentDim, Integer channels, Integer hidden,
    String loss, String penalty, Double sparsityWeight, Double rho, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public SparseAutoencoderParameters {
    architecture = architecture == null ? "mlp" : architecture;
    latentDim = latentDim == null ? 128 : latentDim;
    channels = channels == null ? 32 : channels;
    hidden = hidden == null ? 512 : hidden;
    loss = loss == null ? "bce" : loss;
    penalty = penalty == null ? "kl" : penalty;
    sparsityWeight = sparsityWeight == null ? 0.02 : sparsityWeight;
    rho = rho == null ? 0.05 : rho;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, architecture, latentDim, channels, hidden);
    Checks.loss(problems, loss);
    problems.require("kl".equals(penalty) || "l1".equals(penalty), "penalty", penalty, "must be one of kl, l1");
    problems.require(sparsityWeight >= 0, "sparsityWeight", sparsityWeight, "must be >= 0");
    problems.require(rho > 0 && rho < 1, "rho", rho, "must be in (0, 1)");
    Checks.learningRate(problems, learningRate);
  }

  /** Whether the penalty is the KL form (sigmoid code units). */
  boolean kl() {
    return "kl".equals(penalty);
  }
}
