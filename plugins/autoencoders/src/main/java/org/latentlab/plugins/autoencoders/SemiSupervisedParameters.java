package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link SemiSupervisedAutoencoderProvider}: an autoencoder with a classifier head {@code h}
 * on the code {@code f(x)}, trained jointly on a small labelled subset and on every (unlabelled) training
 * batch. With {@code p(x) = softmax(h(f(x)))}, {@code x} the sampled batch, {@code (x_l, y_l)} a batch drawn
 * from the labelled subset and {@code c1(x), c2(x)} two independently corrupted copies of {@code x} (a random
 * translation of up to {@code shift} pixels per axis as in Sajjadi et al. 2016, then Gaussian noise of standard
 * deviation {@code noise} clipped to [0, 1], then each pixel zeroed with probability {@code maskRate}; fresh draws
 * per view and per step), {@code w(x), s(x)} a weak and a strong augmentation of {@code x} made on the host
 * ({@link org.latentlab.api.data.ImageAugmentation#WEAK}: a shift of up to 2 pixels;
 * {@link org.latentlab.api.data.ImageAugmentation#STRONG}: rotation, scale, shift, Cutout and noise) and
 * {@code y^_i = argmax_k p_k(w(x_i))}, the objective is
 * <pre>
 *   classifierWeight     * CE(p(x_l), y_l)                  (x_l weakly augmented when augmentLabelled)
 * + reconstructionWeight * L(x, g(f(x)))                                 reconstruction
 * + pseudoLabelWeight    * mean_i 1[max_k p_k(w(x_i)) > threshold] CE(p(s(x_i)), y^_i)   pseudo-labels (FixMatch)
 * + consistencyWeight    * mean_{i,k} (p_k(c1(x_i)) - sg[p_k(c2(x_i))])^2   consistency (Pi-model)
 * + entropyWeight        * mean_i  -sum_k p_k(c1(x_i)) log p_k(c1(x_i))     entropy minimisation
 * </pre>
 * ({@code sg}: stop-gradient; {@code L}: the pixel loss).
 * <ul>
 *   <li>The pseudo-label term is FixMatch (Sohn et al. 2020, "FixMatch: simplifying semi-supervised learning
 *       with consistency and confidence", NeurIPS): a confident prediction on a weakly augmented image becomes
 *       the hard label of a strongly augmented copy of it (no gradient through the label). On MNIST-10k with
 *       100 labels it is what lifts the head well above the supervised baseline; the Pi-model and entropy
 *       terms below gave about 2 points.</li>
 *   <li>Reconstruction is the unsupervised auxiliary task of Ranzato &amp; Szummer 2008 and of the ladder
 *       network's cost (Rasmus et al. 2015). On its own it barely helps the head with 100 labels: the head
 *       memorises the labelled images.</li>
 *   <li>Consistency regularisation is the Pi-model of Laine &amp; Aila 2017 ("Temporal ensembling for
 *       semi-supervised learning", ICLR; with Sajjadi et al. 2016, "Regularization with stochastic
 *       transformations and perturbations for deep semi-supervised learning", NeurIPS): the class
 *       probabilities of two stochastic perturbations of the same unlabelled image should agree, mean
 *       squared difference over images and classes as in Laine &amp; Aila (their {@code 1/C ||z - z~||^2}).
 *       The second view is a fixed target (stop-gradient), as in the mean-teacher and VAT variants. Laine
 *       &amp; Aila ramp the weight up from 0 (a Gaussian curve); here it is constant, because the model sees
 *       no step number that a resumed run would restore ({@code prepareBatch} is not told the step).</li>
 *   <li>Entropy minimisation is Grandvalet &amp; Bengio 2005 ("Semi-supervised learning by entropy
 *       minimization", NeurIPS): low-entropy (confident) predictions on unlabelled data push the decision
 *       boundaries into low-density regions.</li>
 * </ul>
 * All unlabelled-data weights 0 ({@code reconstructionWeight}, {@code pseudoLabelWeight},
 * {@code consistencyWeight}, {@code entropyWeight}) is the supervised-only baseline: encoder and head on the
 * labelled subset alone.
 *
 * @param architecture         {@code conv} (default) or {@code mlp}
 * @param latentDim            size of the code the classifier reads (default 32)
 * @param channels             channels of the first conv block (conv; default 32)
 * @param hidden               width of the hidden dense layer (mlp; default 512)
 * @param loss                 {@code bce} (default) or {@code mse}, mean per pixel
 * @param labels               size of the labelled subset of the training split, class-balanced
 *                             ({@code labels / numClasses} per class; default 100)
 * @param labelledBatch        labelled images per step, drawn with replacement (default {@code min(labels, 64)})
 * @param classifierWeight     weight of the cross-entropy (default 1)
 * @param reconstructionWeight weight of the reconstruction (default 1)
 * @param learningRate         Adam learning rate (default 1e-3)
 * @param classifierHidden     width of a ReLU hidden layer of the classifier head; 0 (default): a linear head
 * @param consistencyWeight    weight of the Pi-model consistency term (default 0: off; 10 as in Laine &amp; Aila)
 * @param entropyWeight        weight of the entropy term (default 0: off)
 * @param noise                standard deviation of the Gaussian input noise of each view (default 0.15,
 *                             Laine &amp; Aila's input noise)
 * @param maskRate             probability of zeroing a pixel in each view (default 0.2)
 * @param shift                largest random translation of each view in pixels, per axis and image
 *                             (default 0: off)
 * @param pseudoLabelWeight    weight of the FixMatch pseudo-label term (default 1; 0 turns it off)
 * @param threshold            confidence a weak view's prediction needs to become a pseudo-label (default 0.95,
 *                             as in FixMatch)
 * @param augmentLabelled      whether the labelled images get the weak augmentation (default true, as in
 *                             FixMatch; keep it equal in a semi-supervised run and its supervised baseline)
 */
public record SemiSupervisedParameters(String architecture, Integer latentDim, Integer channels, Integer hidden,
    String loss, Integer labels, Integer labelledBatch, Double classifierWeight, Double reconstructionWeight,
    Double learningRate, Integer classifierHidden, Double consistencyWeight, Double entropyWeight, Double noise,
    Double maskRate, Integer shift, Double pseudoLabelWeight, Double threshold, Boolean augmentLabelled)
    implements Parameters {

  /** Fills in defaults for absent fields. */
  public SemiSupervisedParameters {
    architecture = architecture == null ? "conv" : architecture;
    latentDim = latentDim == null ? 32 : latentDim;
    channels = channels == null ? 32 : channels;
    hidden = hidden == null ? 512 : hidden;
    loss = loss == null ? "bce" : loss;
    labels = labels == null ? 100 : labels;
    labelledBatch = labelledBatch == null ? Math.min(labels, 64) : labelledBatch;
    classifierWeight = classifierWeight == null ? 1.0 : classifierWeight;
    reconstructionWeight = reconstructionWeight == null ? 1.0 : reconstructionWeight;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    classifierHidden = classifierHidden == null ? 0 : classifierHidden;
    consistencyWeight = consistencyWeight == null ? 0.0 : consistencyWeight;
    entropyWeight = entropyWeight == null ? 0.0 : entropyWeight;
    noise = noise == null ? 0.15 : noise;
    maskRate = maskRate == null ? 0.2 : maskRate;
    shift = shift == null ? 0 : shift;
    pseudoLabelWeight = pseudoLabelWeight == null ? 1.0 : pseudoLabelWeight;
    threshold = threshold == null ? 0.95 : threshold;
    augmentLabelled = augmentLabelled == null ? Boolean.TRUE : augmentLabelled;
  }

  /** The network, labels and main weights; the unlabelled-data terms and the views at their defaults. */
  public SemiSupervisedParameters(String architecture, Integer latentDim, Integer channels, Integer hidden,
      String loss, Integer labels, Integer labelledBatch, Double classifierWeight, Double reconstructionWeight,
      Double learningRate) {
    this(architecture, latentDim, channels, hidden, loss, labels, labelledBatch, classifierWeight,
        reconstructionWeight, learningRate, null, null, null, null, null, null, null, null, null);
  }

  /** Whether the step needs the corrupted views (consistency or entropy is on). */
  boolean usesViews() {
    return consistencyWeight > 0 || entropyWeight > 0;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, architecture, latentDim, channels, hidden);
    Checks.loss(problems, loss);
    problems.require(labels > 0, "labels", labels, "must be > 0");
    problems.require(labelledBatch > 0, "labelledBatch", labelledBatch, "must be > 0");
    problems.require(classifierWeight > 0, "classifierWeight", classifierWeight, "must be > 0");
    problems.require(reconstructionWeight >= 0, "reconstructionWeight", reconstructionWeight,
        "must be >= 0 (all unlabelled-data weights 0: the supervised-only baseline)");
    Checks.learningRate(problems, learningRate);
    problems.require(classifierHidden >= 0, "classifierHidden", classifierHidden, "must be >= 0 (0: linear head)");
    problems.require(consistencyWeight >= 0, "consistencyWeight", consistencyWeight, "must be >= 0 (0: off)");
    problems.require(entropyWeight >= 0, "entropyWeight", entropyWeight, "must be >= 0 (0: off)");
    problems.require(noise >= 0, "noise", noise, "must be >= 0");
    problems.require(shift >= 0, "shift", shift, "must be >= 0 (0: no translation)");
    problems.require(maskRate >= 0 && maskRate < 1, "maskRate", maskRate, "must be in [0, 1)");
    problems.require(pseudoLabelWeight >= 0, "pseudoLabelWeight", pseudoLabelWeight, "must be >= 0 (0: off)");
    problems.require(threshold >= 0 && threshold < 1, "threshold", threshold, "must be in [0, 1)");
  }
}
