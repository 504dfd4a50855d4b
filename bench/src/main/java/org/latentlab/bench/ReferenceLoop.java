package org.latentlab.bench;

/** A hand-written training loop of the quickstart model on one engine, one optimizer update per call. */
interface ReferenceLoop extends AutoCloseable {

  /** Trains on the next batch and returns that batch's loss (before the update). */
  float step();

  /** Frees the engine's memory. */
  @Override
  void close();
}
