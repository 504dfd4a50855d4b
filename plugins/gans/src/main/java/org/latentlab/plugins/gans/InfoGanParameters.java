package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link InfoGanProvider}: InfoGAN of Chen et al., "InfoGAN: Interpretable Representation
 * Learning by Information Maximizing Generative Adversarial Nets" (NeurIPS 2016); see {@link InfoGan}.
 *
 * @param latentDim          size of the incompressible noise {@code z ~ N(0, I)} (default 62, as the paper's
 *                           MNIST model)
 * @param categories         values of the categorical code {@code c1 ~ Cat(1/K)} (default 10)
 * @param continuousCodes    number of continuous codes {@code c2, c3, ... ~ U[-1, 1]} (default 2; 0 for none)
 * @param categoricalLambda  weight of the categorical code's information term (default 1, as the paper)
 * @param continuousLambda   weight of the continuous codes' information term (default 1, as the authors'
 *                           MNIST code with its unit-variance Gaussian; the paper advises a smaller weight
 *                           when the term's scale dwarfs the GAN loss)
 * @param channels           channels of the generator's last hidden block and the discriminator's first
 *                           (the other block has twice as many; default 64)
 * @param discriminatorBatchNorm batch norm after the discriminator's second convolution, as the paper's
 *                           (default false; with it, the catalog's settings at 80 epochs, seed 1, tensorflow:
 *                           c1 accuracy 0.551 and FID 11.0 against 0.571 and 12.2 without)
 * @param qHidden            width of Q's own hidden layer on the discriminator's trunk (default 128, as the
 *                           paper's FC 128)
 * @param generatorLoss      {@code non-saturating} (default) or {@code minimax}
 * @param learningRate       Adam learning rate of both steps (default 2e-4)
 * @param beta1              Adam's first-moment decay (default 0.5)
 * @param discriminatorSteps discriminator steps per generator step (default 1)
 * @param inputNoise         starting deviation of Gaussian "instance noise" (Sonderby et al. 2017) added to every
 *                           image the discriminator and Q see in training, real and generated, falling linearly
 *                           to 0 by the last step, so the generator cannot hide the codes in faint patterns only
 *                           the trunk notices (default 0: none)
 * @param noiseScale         deviation of the noise the generator sees (default 1): it gets {@code noiseScale * z}
 *                           for standard-normal {@code z}, i.e. the prior {@code N(0, noiseScale^2 I)}; a small
 *                           deviation (ClusterGAN, Mukherjee et al. 2019, uses 0.1) keeps the noise from competing
 *                           with the one-hot {@code c1} for the digit
 * @param noiseLambda        weight of Q's reconstruction of the standard-normal {@code z} (unit-variance Gaussian
 *                           means, term {@code noise-nll}; default 0: none), as ClusterGAN's encoder: with a small
 *                           {@code noiseScale} it keeps the generator from ignoring {@code z}
 * @param realInformationLambda weight of the mutual information between real images and {@code c1} as Q reads
 *                           it (term {@code real-c1-information}, raised in the discriminator's step; default 0:
 *                           none): Q must give each real image one confident {@code c1} value and use all values
 *                           equally often, so no two values of {@code c1} can settle on one digit
 * @param realWarp           with {@code realInformationLambda}: Q's {@code c1} on a randomly warped copy of each real
 *                           image ({@link RandomWarp}) must match its {@code c1} on the image (cross-entropy
 *                           against the unwarped probabilities held fixed, term {@code real-c1-warp-cross-entropy},
 *                           weighted as the information), as IMSAT's self-augmentation (Hu et al. 2017): a value of
 *                           {@code c1} may not split images that differ only in slant, size or position (default
 *                           absent: none)
 * @param discriminatorWarp  a random warp of every image the discriminator and Q see in training, real and generated,
 *                           in both steps (as DiffAugment, Zhao et al. 2020, which keeps the generator's target the
 *                           unwarped data since both sides are warped alike): Q must then read {@code c1} from a
 *                           warped sample, so {@code c1} cannot stand for a slant, size or position (as
 *                           Elastic-InfoGAN, Ojha et al. 2019); default absent: none
 */
public record InfoGanParameters(Integer latentDim, Integer categories, Integer continuousCodes,
    Double categoricalLambda, Double continuousLambda, Integer channels, Boolean discriminatorBatchNorm,
    Integer qHidden, String generatorLoss, Double learningRate, Double beta1, Integer discriminatorSteps,
    Double inputNoise, Double noiseScale, Double noiseLambda, Double realInformationLambda, RandomWarp realWarp,
    RandomWarp discriminatorWarp) implements Parameters {

  /** Fills in defaults for absent fields. */
  public InfoGanParameters {
    latentDim = latentDim == null ? 62 : latentDim;
    categories = categories == null ? 10 : categories;
    continuousCodes = continuousCodes == null ? 2 : continuousCodes;
    categoricalLambda = categoricalLambda == null ? 1.0 : categoricalLambda;
    continuousLambda = continuousLambda == null ? 1.0 : continuousLambda;
    channels = channels == null ? 64 : channels;
    discriminatorBatchNorm = discriminatorBatchNorm != null && discriminatorBatchNorm;
    qHidden = qHidden == null ? 128 : qHidden;
    generatorLoss = generatorLoss == null ? GeneratorLoss.NON_SATURATING.id() : generatorLoss;
    learningRate = learningRate == null ? 2e-4 : learningRate;
    beta1 = beta1 == null ? 0.5 : beta1;
    discriminatorSteps = discriminatorSteps == null ? 1 : discriminatorSteps;
    inputNoise = inputNoise == null ? 0.0 : inputNoise;
    noiseScale = noiseScale == null ? 1.0 : noiseScale;
    noiseLambda = noiseLambda == null ? 0.0 : noiseLambda;
    realInformationLambda = realInformationLambda == null ? 0.0 : realInformationLambda;
  }

  @Override
  public void validate(Problems problems) {
    Checks.adversarial(problems, latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
    problems.require(categories >= 2, "categories", categories, "must be >= 2");
    problems.require(continuousCodes >= 0, "continuousCodes", continuousCodes, "must be >= 0");
    problems.require(categoricalLambda >= 0 && categoricalLambda <= 100, "categoricalLambda", categoricalLambda,
        "must be in [0, 100]");
    problems.require(continuousLambda >= 0 && continuousLambda <= 100, "continuousLambda", continuousLambda,
        "must be in [0, 100]");
    Checks.width(problems, "channels", channels);
    Checks.width(problems, "qHidden", qHidden);
    problems.require(inputNoise >= 0 && inputNoise <= 1, "inputNoise", inputNoise, "must be in [0, 1]");
    problems.require(noiseScale > 0 && noiseScale <= 10, "noiseScale", noiseScale, "must be in (0, 10]");
    problems.require(noiseLambda >= 0 && noiseLambda <= 100, "noiseLambda", noiseLambda, "must be in [0, 100]");
    problems.require(realInformationLambda >= 0 && realInformationLambda <= 100, "realInformationLambda",
        realInformationLambda, "must be in [0, 100]");
    if (realWarp != null) {
      realWarp.validate(problems, "realWarp");
      problems.require(realInformationLambda > 0, "realInformationLambda", realInformationLambda,
          "must be > 0 when realWarp is given (it weighs the warp agreement too)");
    }
    if (discriminatorWarp != null) {
      discriminatorWarp.validate(problems, "discriminatorWarp");
    }
  }

  AdversarialProgram program() {
    return AdversarialProgram.of(latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
  }
}
