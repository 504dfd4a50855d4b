package org.latentlab.plugins.selfsupervised;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.PretextTaskProvider;

/** Entry point of the jigsaw puzzle ({@link JigsawPuzzle}, Noroozi &amp; Favaro 2016). */
public final class JigsawProvider implements PretextTaskProvider<JigsawParameters> {
  @Override
  public String id() {
    return "jigsaw";
  }

  @Override
  public String description() {
    return "Jigsaw puzzle (Noroozi & Favaro 2016): which of a fixed set of permutations shuffled an image's 3x3 tiles,"
        + " one shared encoder per tile";
  }

  @Override
  public Class<JigsawParameters> parametersType() {
    return JigsawParameters.class;
  }

  @Override
  public Model create(JigsawParameters parameters, ModelContext context) {
    return new JigsawPuzzle(parameters, context);
  }
}
