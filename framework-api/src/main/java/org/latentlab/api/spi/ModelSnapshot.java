package org.latentlab.api.spi;

import java.util.Optional;
import org.latentlab.api.train.CompiledFunction;

/**
 * The model as it was at one of the snapshots its training kept ({@code training.snapshotEvery}), for
 * evaluators that show training as it went (a quality curve, samples at fixed noise). Its functions run in
 * a session of their own, freed by {@link #close()}.
 */
public interface ModelSnapshot extends AutoCloseable {
  /** Training iterations done when the snapshot was kept (0: before training). */
  long iteration();

  /** A compiled inference function of the model at this snapshot, by name (see {@link Model.Functions}). */
  Optional<CompiledFunction> function(String name);

  /** Frees the snapshot's session. */
  @Override
  void close();
}
