package org.latentlab.api.spi;

import org.latentlab.api.data.DataShape;
import org.latentlab.api.params.Scope;

/**
 * What a model needs to build itself.
 *
 * @param scope where to declare its parameters
 * @param data  the geometry of the images it will see
 */
public record ModelContext(Scope scope, DataShape data) {}
