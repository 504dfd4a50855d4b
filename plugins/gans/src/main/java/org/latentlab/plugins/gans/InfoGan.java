package org.latentlab.plugins.gans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.BatchContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.TrainingProgram;

/**
 * InfoGAN (Chen et al., "InfoGAN: Interpretable Representation Learning by Information Maximizing
 * Generative Adversarial Nets", NeurIPS 2016): the DCGAN game of {@link Gan} with latent codes whose
 * mutual information with the samples is maximised. The generator of {@link Networks#convGenerator} takes
 * {@code [z, e_{c1}, c2, ..., c_{m+1}]}: noise {@code z ~ N(0, I)}, the one-hot value of a categorical code
 * {@code c1 ~ Cat(K, 1/K)} and continuous codes {@code c_j ~ U[-1, 1]}. An auxiliary head {@code Q}
 * (Dense + LeakyReLU(0.2), Dense) on the discriminator's trunk ({@link Networks#convTrunk}, optionally with
 * batch norm after its second convolution as the paper's; shared with the real/fake logit) gives logits of {@code Q(c1 | x)} and means {@code mu_j(x)} of a factored Gaussian
 * {@code Q(c_j | x) = N(mu_j(x), 1)} with fixed unit variance (as the authors' MNIST code), so its negative
 * log-likelihood is half the squared error up to a constant.
 *
 * <p>The variational bound {@code I(c; G(z, c)) >= H(c) - L_I} with
 * {@code L_I = E_{c ~ P(c), x = G(z, c)}[-log Q(c1 | x)] (term c1-cross-entropy)} for the categorical code,
 * and {@code E[sum_j (c_j - mu_j(x))^2 / 2]} (term {@code continuous-nll}) for the continuous ones,
 * weighted {@code lambda_cat} and {@code lambda_cont}. It enters both steps of {@link AdversarialProgram}
 * (term {@code adversarial} is the GAN part):
 * <ul>
 *   <li>discriminator step, over {@code D} and {@code Q} (all under {@code discriminator/}):
 *       {@code E[softplus(-D(x))] + E[softplus(D(G(z, c)))] + lambda L_I}, samples cut from the generator;</li>
 *   <li>generator step, over {@code G}: its {@link GeneratorLoss} {@code + lambda L_I}.</li>
 * </ul>
 * Minimising {@code L_I} with the entropy {@code H(c)} fixed maximises the bound; the categorical
 * cross-entropy starts at {@code log K} and falls as {@code c1} becomes readable from the samples.
 *
 * <p>With {@code inputNoise} sigma > 0, every image entering the discriminator's trunk in training, real or
 * generated, gets Gaussian noise ("instance noise", Sonderby et al. 2017) whose deviation falls linearly from
 * sigma at the first step to 0 at the last: early on a code hidden in faint patterns drowns in it, so only
 * visible changes of the sample keep {@code c1} readable; late on the discriminator sees clean images again.
 *
 * <p>With {@code noiseScale} s &lt; 1 the generator sees {@code s z} (the prior {@code N(0, s^2 I)}), and with
 * {@code noiseLambda} lambda_z &gt; 0 Q also reconstructs the standard-normal {@code z} (unit-variance Gaussian means,
 * term {@code noise-nll}), as ClusterGAN (Mukherjee et al., AAAI 2019) pairs a narrow noise prior with an encoder
 * that recovers the noise: the one-hot {@code c1} then outweighs the noise in the generator's input, so it picks the
 * digit, while the reconstruction keeps the noise from being ignored (without it, a narrow prior gave each c1 row
 * one image). The evaluators' standard-normal {@code z} is scaled the same way, so both functions follow the prior.
 *
 * <p>Three optional terms keep {@code c1} on the digit rather than on a style (the catalog uses all three):
 * <ul>
 *   <li>{@code realInformationLambda} lambda_r: the discriminator's step also minimises
 *       {@code lambda_r (log K - I_Q(c1; x))} over the real batch, {@code I_Q = H(mean_x Q(c1 | x)) - mean_x
 *       H(Q(c1 | x))} (term {@code real-c1-information}), as regularised information maximisation (Krause et al.
 *       2010; Hu et al. 2017): Q must read each real image as one value of {@code c1}, every value equally often;</li>
 *   <li>{@code realWarp}: plus {@code lambda_r} times the cross-entropy of Q's {@code c1} on a randomly warped copy
 *       of each real image against its {@code c1} on the image, held fixed (term
 *       {@code real-c1-warp-cross-entropy}; IMSAT's self-augmentation, Hu et al. 2017), so a value of {@code c1}
 *       does not split images that differ in slant, size or position;</li>
 *   <li>{@code discriminatorWarp}: every image the discriminator and Q see, real and generated, in both steps, is
 *       warped at random first ({@link ImageWarp}; DiffAugment, Zhao et al. 2020: warping both sides alike keeps
 *       the generator's target the unwarped data), so Q reads {@code c1} from warped samples and {@code c1} cannot
 *       stand for a slant, size or position (as Elastic-InfoGAN, Ojha et al. 2019).</li>
 * </ul>
 *
 * <p>Functions: {@code generate} ({@code z [n, latentDim] -> x}, the codes drawn from their priors in the
 * graph, so {@link #noiseSize()} is the noise alone) and {@code generate-with-codes}
 * ({@code z, category [n] as floats, continuous [n, m] -> x}).
 */
public final class InfoGan implements Model {
  /** Batch input: the instance noise's deviation at this step. */
  static final String INPUT_NOISE = "input-noise";

  private final Sequential generator;
  private final Sequential trunk;
  private final Dense realOrFake;
  private final Sequential q;
  private final int categories;
  private final int continuousCodes;
  private final int latentDim;
  private final float noiseScale;
  private final float noiseLambda;
  private final float categoricalLambda;
  private final float continuousLambda;
  private final float inputNoise;
  private final float realInformationLambda;
  private final RandomWarp realWarp;
  private final RandomWarp discriminatorWarp;
  private final AdversarialProgram program;

  /**
   * Values of the generator's inputs for a batch: standard-normal {@code noise [n, latentDim]}, {@code category [n]},
   * {@code continuous [n, m]} (null when {@code m = 0}).
   */
  private record Codes(Tensor noise, Tensor category, Tensor continuous) {}

  InfoGan(InfoGanParameters p, ModelContext context) {
    DataShape data = context.data();
    this.categories = p.categories();
    this.continuousCodes = p.continuousCodes();
    this.latentDim = p.latentDim();
    this.noiseScale = p.noiseScale().floatValue();
    this.noiseLambda = p.noiseLambda().floatValue();
    this.categoricalLambda = p.categoricalLambda().floatValue();
    this.continuousLambda = p.continuousLambda().floatValue();
    this.inputNoise = p.inputNoise().floatValue();
    this.realInformationLambda = p.realInformationLambda().floatValue();
    this.realWarp = p.realWarp();
    this.discriminatorWarp = p.discriminatorWarp();
    Scope g = context.scope().child(AdversarialProgram.GENERATOR);
    Scope d = context.scope().child(AdversarialProgram.DISCRIMINATOR);
    this.generator = Networks.convGenerator(g, p.latentDim() + categories + continuousCodes, p.channels(), data);
    this.trunk = Networks.convTrunk(d, p.channels(), data, p.discriminatorBatchNorm());
    int features = Networks.convTrunkWidth(p.channels(), data);
    this.realOrFake = new Dense(d.child("out"), features, 1);
    this.q = Sequential.of(
        new Dense(d.child("q").child("hidden"), features, p.qHidden(), Initializers.heNormal()),
        Activation.leakyRelu(Networks.LEAK),
        new Dense(d.child("q").child("out"), p.qHidden(),
            categories + continuousCodes + (noiseLambda > 0 ? latentDim : 0)));
    this.program = p.program();
  }

  private Tensor generate(Ops ops, Codes codes) {
    Tensor z = noiseScale == 1 ? codes.noise() : ops.math().scale(codes.noise(), noiseScale);
    List<Tensor> input = new ArrayList<>(List.of(z, ops.shape().oneHot(codes.category(), categories)));
    if (continuousCodes > 0) {
      input.add(codes.continuous());
    }
    return generator.apply(ops, ops.shape().concat(input, 1));
  }

  /** Draws the codes from their priors, then takes the noise from {@code noise} (in this order, for the seeds). */
  private Codes drawCodes(Ops ops, int n, Supplier<Tensor> noise) {
    Tensor category = UniformIndices.draw(ops, categories, n);
    Tensor continuous = continuousCodes > 0 ? ops.random().uniform(-1f, 1f, n, continuousCodes) : null;
    return new Codes(noise.get(), category, continuous);
  }

  /**
   * Images as the discriminator and Q see them in training: each warped at random (with a discriminator warp), then
   * with instance noise (if any).
   */
  private Tensor seen(Ops ops, Tensor images, Map<String, Tensor> batch) {
    Tensor warped = discriminatorWarp == null ? images : ImageWarp.random(ops, images, discriminatorWarp);
    if (inputNoise <= 0) {
      return warped;
    }
    MathOps m = ops.math();
    return m.add(warped, m.mul(ops.random().normalLike(warped), batch.get(INPUT_NOISE)));
  }

  /** Adds this step's instance-noise deviation, {@code inputNoise * (1 - progress)}, when there is any. */
  @Override
  public Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, BatchContext context) {
    if (inputNoise <= 0) {
      return batch;
    }
    Map<String, HostTensor> out = new HashMap<>(batch);
    out.put(INPUT_NOISE, HostTensor.scalar((float) (inputNoise * (1 - context.progress()))));
    return out;
  }

  /**
   * {@code lambda_cat * c1-cross-entropy + lambda_cont * continuous-nll (+ lambda_z * noise-nll)} of Q on the
   * trunk's features of samples.
   */
  private Losses information(Ops ops, Tensor features, Codes codes) {
    MathOps m = ops.math();
    Tensor out = q.apply(ops, features);
    Tensor logits = ops.shape().slice(out, new int[] {0, 0}, new int[] {-1, categories});
    Tensor crossEntropy = ops.losses().sparseSoftmaxCrossEntropy(logits, codes.category());
    Map<String, Tensor> terms = new LinkedHashMap<>();
    terms.put("c1-cross-entropy", crossEntropy);
    Tensor total = m.scale(crossEntropy, categoricalLambda);
    if (continuousCodes > 0) {
      Tensor means = ops.shape().slice(out, new int[] {0, categories}, new int[] {-1, continuousCodes});
      Tensor nll = unitGaussianNll(ops, means, codes.continuous());
      terms.put("continuous-nll", nll);
      total = m.add(total, m.scale(nll, continuousLambda));
    }
    if (noiseLambda > 0) {
      Tensor means = ops.shape().slice(out, new int[] {0, categories + continuousCodes}, new int[] {-1, latentDim});
      Tensor nll = unitGaussianNll(ops, means, codes.noise());
      terms.put("noise-nll", nll);
      total = m.add(total, m.scale(nll, noiseLambda));
    }
    return new Losses(total, terms);
  }

  /**
   * {@code lambda_real (log K - I_Q(c1; x))} over a batch of real images' trunk features: the mutual information
   * {@code I_Q = H(mean_x Q(c1 | x)) - mean_x H(Q(c1 | x))} (term {@code real-c1-information}, nats) that Q's
   * categorical head reads from real data, as in regularised information maximisation (Krause et al. 2010, Hu et
   * al. 2017). Raising it asks Q to put each real image in one c1 value with confidence and to use every value
   * equally often, as {@code c1}'s uniform prior does for generated images: two values of {@code c1} that draw the
   * same digit leave another digit without a value of its own, which the marginal entropy penalises. With a real
   * warp, plus (same weight) the cross-entropy of Q's {@code c1} on a warped copy of each real image of
   * {@code batch} against the probabilities on {@code realFeatures}, held fixed.
   */
  private Losses realInformation(Ops ops, Tensor realFeatures, Map<String, Tensor> batch) {
    MathOps m = ops.math();
    Tensor logits = categoryLogits(ops, realFeatures);
    Tensor logProbabilities = ops.nn().logSoftmax(logits, 1);
    Tensor probabilities = m.exp(logProbabilities);
    Tensor conditionalEntropy = m.neg(m.mean(m.sum(m.mul(probabilities, logProbabilities), false, 1), false));
    Tensor marginal = m.mean(probabilities, false, 0);
    Tensor marginalEntropy = m.neg(m.sum(m.mul(marginal, m.log(m.addScalar(marginal, 1e-8f))), false));
    Tensor mutualInformation = m.sub(marginalEntropy, conditionalEntropy);
    Tensor objective = m.addScalar(m.neg(mutualInformation), (float) Math.log(categories));
    Map<String, Tensor> terms = new LinkedHashMap<>();
    terms.put("real-c1-information", mutualInformation);
    if (realWarp != null) {
      Tensor warped = trunk.apply(ops, seen(ops, ImageWarp.random(ops, batch.get("x"), realWarp), batch));
      Tensor consistency = ops.losses().softmaxCrossEntropy(categoryLogits(ops, warped),
          ops.stopGradient(probabilities));
      terms.put("real-c1-warp-cross-entropy", consistency);
      objective = m.add(objective, consistency);
    }
    return new Losses(m.scale(objective, realInformationLambda), terms);
  }

  /** Q's logits of {@code c1} on trunk features. */
  private Tensor categoryLogits(Ops ops, Tensor features) {
    return ops.shape().slice(q.apply(ops, features), new int[] {0, 0}, new int[] {-1, categories});
  }

  /** The sum of two losses, the terms of both reported. */
  private static Losses plus(Ops ops, Losses a, Losses b) {
    Map<String, Tensor> terms = new LinkedHashMap<>(a.terms());
    terms.putAll(b.terms());
    return new Losses(ops.math().add(a.objective(), b.objective()), terms);
  }

  /**
   * Negative log-likelihood, up to a constant, of {@code values [n, d]} under unit-variance Gaussians with
   * {@code means}: {@code sum_j (value_j - mean_j)^2 / 2}, averaged over the batch.
   */
  private static Tensor unitGaussianNll(Ops ops, Tensor means, Tensor values) {
    return ops.math().scale(ops.losses().mse(means, values), 0.5f * values.dim(1));
  }

  /** The GAN losses plus the information term, every term of both reported. */
  private static Losses withInformation(Ops ops, Losses adversarial, Losses information) {
    Map<String, Tensor> terms = new LinkedHashMap<>();
    terms.put("adversarial", adversarial.objective());
    terms.putAll(adversarial.terms());
    return plus(ops, new Losses(adversarial.objective(), terms), information);
  }

  @Override
  public TrainingProgram program() {
    return program.program(
        (ops, batch) -> {
          int n = batch.get("x").dim(0);
          Codes codes = drawCodes(ops, n, () -> program.noise(ops, batch));
          Tensor fake = ops.stopGradient(generate(ops, codes));
          Tensor images = seen(ops, ops.shape().concat(List.of(batch.get("x"), fake), 0), batch);
          // Real and generated images through the trunk in separate passes, as DCGAN implementations do: with
          // batch norm, a generated batch is then normalised by its own statistics here as in the generator's
          // step. (One pass over both let the generator's step meet statistics the discriminator never trained
          // on: it read D(G(z)) 0.76 where the discriminator's step read 0.01, and the generator collapsed.)
          Tensor realFeatures = trunk.apply(ops, ops.shape().slice(images, new int[] {0, 0, 0, 0},
              new int[] {n, -1, -1, -1}));
          Tensor fakeFeatures = trunk.apply(ops, ops.shape().slice(images, new int[] {n, 0, 0, 0},
              new int[] {n, -1, -1, -1}));
          Losses adversarial = AdversarialProgram.discriminatorLosses(ops,
              realOrFake.apply(ops, realFeatures), realOrFake.apply(ops, fakeFeatures));
          Losses information = information(ops, fakeFeatures, codes);
          if (realInformationLambda > 0) {
            information = plus(ops, information, realInformation(ops, realFeatures, batch));
          }
          return withInformation(ops, adversarial, information);
        },
        (ops, batch) -> {
          Codes codes = drawCodes(ops, batch.get("x").dim(0), () -> program.noise(ops, batch));
          Tensor fakeFeatures = trunk.apply(ops, seen(ops, generate(ops, codes), batch));
          Losses adversarial = program.generatorLosses(ops, realOrFake.apply(ops, fakeFeatures));
          return withInformation(ops, adversarial, information(ops, fakeFeatures, codes));
        });
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    return Map.of(
        Functions.GENERATE, (ops, in) -> {
          Tensor z = in.get("z");
          return Map.of("x", generate(ops, drawCodes(ops, z.dim(0), () -> z)));
        },
        Functions.GENERATE_WITH_CODES, (ops, in) -> Map.of("x", generate(ops, new Codes(in.get("z"),
            in.get("category"), continuousCodes > 0 ? in.get("continuous") : null))));
  }

  @Override
  public OptionalInt noiseSize() {
    return OptionalInt.of(program.latentDim());
  }
}
