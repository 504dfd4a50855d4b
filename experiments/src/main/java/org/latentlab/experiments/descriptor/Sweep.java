package org.latentlab.experiments.descriptor;

import java.util.List;

/**
 * A descriptor bound as every combination of its seeds and sweep grid.
 *
 * @param isSweep whether it listed seeds or a grid (else it is one plain run)
 * @param runs     the combinations, grid points in order and seeds within each
 * @param executor where the combinations run (the descriptor's {@code executor} section, {@code local} by
 *                 default)
 */
public record Sweep(boolean isSweep, List<Run> runs, Section executor) {
  /**
   * One combination.
   *
   * @param point      its grid point's label ({@code default} without a grid)
   * @param experiment the bound experiment
   */
  public record Run(String point, Experiment experiment) {}

  /** Copies the list. */
  public Sweep {
    runs = List.copyOf(runs);
  }
}
