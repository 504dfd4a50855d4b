package org.latentlab.plugins.gans;

import org.latentlab.api.data.DataShape;

/**
 * Sides of the two k4 s2 p1 halvings of a square image ({@code side -> middle -> inner}, each
 * {@code floor(side / 2)}) and the output paddings that make the transposed convolutions undo them.
 *
 * @param inner         side after two halvings
 * @param innerPadding  output padding of the transposed convolution {@code inner -> middle}
 * @param outerPadding  output padding of the transposed convolution {@code middle -> side}
 */
record ConvGeometry(int inner, int innerPadding, int outerPadding) {

  /** The geometry for the data's images; fails naming the size if they are not square or smaller than 4x4. */
  static ConvGeometry of(DataShape data) {
    if (data.height() != data.width() || data.height() < 4) {
      throw new IllegalArgumentException("dcgan: needs square images of side >= 4 (got " + data.height() + "x"
          + data.width() + ")");
    }
    int middle = data.height() / 2;
    int inner = middle / 2;
    return new ConvGeometry(inner, middle - 2 * inner, data.height() - 2 * middle);
  }
}
