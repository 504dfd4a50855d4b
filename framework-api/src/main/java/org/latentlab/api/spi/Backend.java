package org.latentlab.api.spi;

import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.train.ComputeSession;

/** A loaded compute engine: opens sessions that materialise a model's parameters. */
public interface Backend extends AutoCloseable {

  /** The provider id, e.g. {@code djl}. */
  String id();

  /** Engine name and version for provenance, e.g. {@code PyTorch 2.7.1 via DJL 0.36.0}. */
  String engineVersion();

  /**
   * Materialises {@code store} and returns a session whose random ops draw from {@code seed}. On
   * engines that allow one training session per process, a second open session fails with a clear
   * message.
   */
  ComputeSession open(ParameterStore store, long seed);

  @Override
  void close();
}
