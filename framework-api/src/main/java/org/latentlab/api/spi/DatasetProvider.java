package org.latentlab.api.spi;

import java.io.IOException;
import org.latentlab.api.data.Dataset;

/**
 * Entry point of a data set. {@link #load} reads and checks everything before returning: a corrupt
 * or truncated file is an {@link IOException} naming the file and what was wrong, never a
 * half-loaded data set.
 */
public interface DatasetProvider<P extends Parameters> extends Provider<P> {
  /** Loads both splits. */
  Dataset load(P parameters) throws IOException;
}
