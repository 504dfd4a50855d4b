package org.latentlab.api.spi;

import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.Scope;

/**
 * What a model needs to build itself.
 *
 * @param scope where to declare its parameters
 * @param data  the geometry of the images it will see
 * @param train the training split, for models that keep part of it beside the batches (e.g. the
 *              labelled subset of a semi-supervised model); {@code null} when building a model only to
 *              run it (a benchmark, a test)
 * @param seed  the run's seed, for the model's own host-side choices (derive sub-seeds from it)
 */
public record ModelContext(Scope scope, DataShape data, ImageSet train, long seed) {
  /** A context without training data, seed 0: for a model that is only run, not trained on a split. */
  public ModelContext(Scope scope, DataShape data) {
    this(scope, data, null, 0);
  }

  /** The training split; fails with a clear message when the context has none. */
  public ImageSet requireTrain(String model) {
    if (train == null) {
      throw new IllegalStateException(model + " needs the training split, but was built without one");
    }
    return train;
  }
}
