package org.latentlab.plugins.datasets;

import org.latentlab.api.data.DataSource;

/**
 * The labels of one IDX label file.
 *
 * @param labels one class index per item, each in {@code 0..255}
 * @param source where they were read from
 */
public record IdxLabels(int[] labels, DataSource source) {

  /** The index of the first largest label, or {@code -1} when there are none. */
  int indexOfMax() {
    int best = -1;
    for (int i = 0; i < labels.length; i++) {
      if (best < 0 || labels[i] > labels[best]) {
        best = i;
      }
    }
    return best;
  }
}
