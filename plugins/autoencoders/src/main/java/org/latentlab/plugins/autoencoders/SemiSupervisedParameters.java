package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link SemiSupervisedAutoencoderProvider}: an autoencoder with a classifier head trained
 * jointly on a small labelled subset (reconstruction as an unsupervised auxiliary task, in the spirit of
 * Ranzato &amp; Szummer 2008 and the ladder network's cost, Rasmus et al. 2015). The objective is
 * {@code reconstructionWeight * L(x, g(f(x))) + classifierWeight * CE(softmax(W f(x_l) + b), y_l)}, {@code x} the
 * unlabelled batch, {@code (x_l, y_l)} a batch drawn from the labelled subset.
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
 * @param reconstructionWeight weight of the reconstruction (default 1); 0 trains the supervised-only
 *                             baseline (encoder and classifier on the labelled subset alone)
 * @param learningRate         Adam learning rate (default 1e-3)
 */
public record SemiSupervisedParameters(String architecture, Integer latentDim, Integer channels, Integer hidden,
    String loss, Integer labels, Integer labelledBatch, Double classifierWeight, Double reconstructionWeight,
    Double learningRate) implements Parameters {

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
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, architecture, latentDim, channels, hidden);
    Checks.loss(problems, loss);
    problems.require(labels > 0, "labels", labels, "must be > 0");
    problems.require(labelledBatch > 0, "labelledBatch", labelledBatch, "must be > 0");
    problems.require(classifierWeight > 0, "classifierWeight", classifierWeight, "must be > 0");
    problems.require(reconstructionWeight >= 0, "reconstructionWeight", reconstructionWeight,
        "must be >= 0 (0: the supervised-only baseline)");
    Checks.learningRate(problems, learningRate);
  }
}
