package org.latentlab.api.spi;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.TrainingProgram;

/**
 * A built model: how it trains and what it offers once trained. Batches given to its steps hold
 * {@code x} (images {@code [n, c, h, w]} in [0, 1]) and {@code y} (labels {@code [n]} as floats).
 */
public interface Model {

  /** Standard inference-function names; each maps inputs named as the comment says. */
  final class Functions {
    private Functions() {}

    /**
     * {@code x -> z}: the representation probes use, {@code [n, d]}. A model whose encoder is a stack of
     * blocks may also return each block's output, flattened to {@code [n, d_k]}, as
     * {@code block-1 ... block-B} (from the input side; see {@link Model#blockOutput}), so probes can judge every
     * block (Gidaris et al. 2018 found an earlier block best for rotation prediction).
     */
    public static final String ENCODE = "encode";
    /** Prefix of the block outputs {@link #ENCODE} may return. */
    public static final String BLOCK_PREFIX = "block-";
    /**
     * {@code x -> scores}: a pretext task's own score on each image, one output {@code [n]} per score
     * (e.g. {@code accuracy}, the share of the task's questions about the image answered right;
     * {@code colour-error}), computed deterministically, so its mean over the test images is the task's
     * test score.
     */
    public static final String PRETEXT_SCORES = "pretext-scores";
    /** {@code x -> x}: reconstruction (autoencoders). */
    public static final String RECONSTRUCT = "reconstruct";
    /** {@code z -> x}: decoding a code to an image. */
    public static final String DECODE = "decode";
    /**
     * {@code z -> x}: a sample of the model's generative distribution from standard-normal noise
     * {@code z [n, d]} (a VAE decodes it as a prior sample; a GAN generator maps it). Only models with
     * a prior offer it; for the others an evaluator may fit one to the codes and use {@link #DECODE}.
     */
    public static final String GENERATE = "generate";
    /**
     * {@code z, y -> x}: a sample of class {@code y [n]} (labels as floats) from standard-normal noise
     * {@code z [n, d]} (a conditional GAN).
     */
    public static final String GENERATE_CONDITIONAL = "generate-conditional";
    /**
     * {@code z, category, continuous -> x}: a sample for given latent codes (InfoGAN): standard-normal
     * noise {@code z [n, d]}, the value of a categorical code {@code category [n]} (indices as floats) and
     * continuous codes {@code continuous [n, m]} (their prior is uniform on [-1, 1]; values outside it
     * extrapolate). The model's {@link #GENERATE} draws the codes from their priors instead.
     */
    public static final String GENERATE_WITH_CODES = "generate-with-codes";
    /**
     * {@code z, z-mixed, crossover -> x}: style mixing (Karras et al. 2019). Both codes are standard-normal
     * noise {@code [n, d]}; {@code crossover [n]} is a fraction {@code t} in [0, 1] of the synthesis
     * network's depth: of its {@code L} style inputs, counted from the coarsest resolution, input
     * {@code i} takes its style from {@code z} when {@code i + 1/2 < t L} and from {@code z-mixed}
     * otherwise, so {@code t = 1} is {@code z}'s image, {@code t = 0} is {@code z-mixed}'s, and small
     * {@code t} takes only the coarse styles from {@code z}. Deterministic: the same inputs give the same
     * images (noise inputs, if any, are held fixed).
     */
    public static final String GENERATE_MIXED = "generate-mixed";
    /** {@code x -> logits [n, classes]}: a classifier head (e.g. of a semi-supervised model). */
    public static final String CLASSIFY = "classify";
    /**
     * {@code x -> score [n]}: the negative evidence lower bound per image (VAE), higher for images the
     * model explains worse; anomaly detection uses it.
     */
    public static final String NEGATIVE_ELBO = "negative-elbo";
    /**
     * {@code x -> x}: the model's reconstruction of high-resolution images {@code x [n, c, h, w]} from
     * its own low-resolution version of them ({@link #LOW_RESOLUTION}): a super-resolution model.
     */
    public static final String SUPER_RESOLVE = "super-resolve";
    /**
     * {@code x -> x}: the low-resolution images {@code [n, c, h / f, w / f]} a super-resolution model
     * makes from {@code x [n, c, h, w]} and upscales by the factor {@code f}.
     */
    public static final String LOW_RESOLUTION = "low-resolution";
  }

  /** Name of the output of {@link Functions#ENCODE} for block {@code k} (1-based): {@code block-k}. */
  static String blockOutput(int k) {
    return Functions.BLOCK_PREFIX + k;
  }

  /** The training program. */
  TrainingProgram program();

  /** Inference functions by name (see {@link Functions}). */
  Map<String, InferenceFunction> functions();

  /**
   * The batch step {@code stepName} trains on, made from the sampled one on the host just before the
   * step: a model may add inputs (a labelled subset, augmented views, a second domain) drawn from
   * {@code random}, which is seeded from the run's seed and the step's number so a resumed run makes
   * the same draws. Returns {@code batch} unchanged by default.
   */
  default Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch,
      SplittableRandom random) {
    return batch;
  }

  /**
   * The batch step {@code stepName} trains on, as {@link #prepareBatch(String, Map, SplittableRandom)},
   * for a model that needs more of the run than a random stream: the step's number and the budget's total
   * (a schedule), the batch images' places in the training split, and its own inference functions compiled
   * against the training session at the current weights ({@link BatchContext#functions()}), e.g. to attack
   * the classifier being trained and train it on the adversarial examples (Madry et al. 2018) on every
   * backend, with no gradient taken inside the step's loss. The runner calls this one; by default it calls
   * {@link #prepareBatch(String, Map, SplittableRandom)} with {@code context.random()}.
   */
  default Map<String, HostTensor> prepareBatch(String stepName, Map<String, HostTensor> batch, BatchContext context) {
    return prepareBatch(stepName, batch, context.random());
  }

  /**
   * The size {@code d} of the noise {@code z [n, d]} that {@link Functions#GENERATE} and
   * {@link Functions#GENERATE_CONDITIONAL} take; empty (the default) when the model offers neither.
   */
  default OptionalInt noiseSize() {
    return OptionalInt.empty();
  }

  /** Capabilities the backend must have to train this model; none by default. */
  default Set<Capability> requiredCapabilities() {
    return Set.of();
  }
}
