package org.latentlab.plugins.selfsupervised;

import java.util.List;
import org.latentlab.api.data.ImageAugmentation;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the contrastive task ({@link ContrastiveLearning}).
 *
 * @param channels       the shared encoder's block widths (default 32, 64, 128; see {@link ConvEncoder})
 * @param temperature    the NT-Xent temperature {@code tau} (default 0.5, SimCLR's choice for its small batches)
 * @param projectionHidden width of the projection head's hidden layer (default 128)
 * @param projectionSize size of the projected code the loss compares (default 64)
 * @param augmentation   how each of the two views is drawn (default rotation up to 15 degrees, shift up to 3
 *                       pixels, scale 0.8-1.2, brightness +-0.2, contrast 0.7-1.3, an 8-pixel Cutout, noise 0.1):
 *                       fields {@code maxRotationDegrees}, {@code maxShift}, {@code maxScaleChange}, {@code cutout},
 *                       {@code noise}, {@code maxBrightness}, {@code maxContrastChange} (absent fields are 0)
 * @param learningRate   Adam learning rate (default 1e-3)
 */
public record ContrastiveParameters(List<Integer> channels, Double temperature, Integer projectionHidden,
    Integer projectionSize, ImageAugmentation augmentation, Double learningRate) implements Parameters {
  /** The default views. */
  static final ImageAugmentation DEFAULT_VIEWS = new ImageAugmentation(15, 3, 0.2, 8, 0.1, 0.2, 0.3);

  /** Fills in defaults for absent fields. */
  public ContrastiveParameters {
    channels = channels == null ? EncoderChecks.DEFAULT_CHANNELS : List.copyOf(channels);
    temperature = temperature == null ? 0.5 : temperature;
    projectionHidden = projectionHidden == null ? 128 : projectionHidden;
    projectionSize = projectionSize == null ? 64 : projectionSize;
    augmentation = augmentation == null ? DEFAULT_VIEWS : augmentation;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    EncoderChecks.channels(problems, channels);
    problems.require(temperature > 0 && temperature <= 10, "temperature", temperature, "must be in (0, 10]");
    problems.require(projectionHidden >= 1, "projectionHidden", projectionHidden, "must be >= 1");
    problems.require(projectionSize >= 1, "projectionSize", projectionSize, "must be >= 1");
    problems.require(!augmentation.isIdentity(), "augmentation", augmentation,
        "must change the images (two identical views teach nothing)");
    EncoderChecks.learningRate(problems, learningRate);
  }
}
