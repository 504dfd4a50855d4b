package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Problems;

/**
 * Identity-preserving random warps of images that InfoGAN's categorical code must survive (as the self-augmentation
 * of IMSAT, Hu et al. 2017, and Elastic-InfoGAN, Ojha et al. 2019): each sample gets its own affine warp, about the
 * image centre, with a horizontal shear (slant) uniform in {@code +-maxShear} (pixels of horizontal shift per pixel
 * of height), a scale per axis uniform in {@code 1 +- maxScaleChange} and a shift per axis uniform in
 * {@code +-maxShift} pixels; see {@link ImageWarp}.
 *
 * @param maxShift       largest shift per axis, in pixels
 * @param maxScaleChange largest relative change of scale per axis, in [0, 0.5]
 * @param maxShear       largest slant, in [0, 1]
 */
public record RandomWarp(Double maxShift, Double maxScaleChange, Double maxShear) {

  /** Checks every field is given and in range, naming the descriptor path {@code field}. */
  void validate(Problems problems, String field) {
    problems.require(maxShift != null && maxShift >= 0 && maxShift <= 8, field + ".maxShift", maxShift,
        "must be given, in [0, 8] pixels");
    problems.require(maxScaleChange != null && maxScaleChange >= 0 && maxScaleChange <= 0.5,
        field + ".maxScaleChange", maxScaleChange, "must be given, in [0, 0.5]");
    problems.require(maxShear != null && maxShear >= 0 && maxShear <= 1, field + ".maxShear", maxShear,
        "must be given, in [0, 1]");
  }
}
