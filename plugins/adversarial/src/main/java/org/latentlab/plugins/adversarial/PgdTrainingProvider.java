package org.latentlab.plugins.adversarial;

import java.util.Optional;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/**
 * Entry point of PGD adversarial training (Madry et al. 2018; {@link RobustClassifier},
 * {@link PgdTrainingParameters}).
 */
public final class PgdTrainingProvider implements ModelProvider<PgdTrainingParameters> {

  @Override
  public String id() {
    return "pgd-training";
  }

  @Override
  public String description() {
    return "CNN classifier trained on PGD examples against its current weights (Madry et al. 2018)";
  }

  @Override
  public Class<PgdTrainingParameters> parametersType() {
    return PgdTrainingParameters.class;
  }

  @Override
  public Model create(PgdTrainingParameters p, ModelContext context) {
    ClassifierNetwork network = ClassifierNetwork.plain(context.scope(), context.data(), p.channels(), p.latentDim(),
        false);
    return new RobustClassifier(network, Optional.of(p.attack()), p.cleanWeight(), p.learningRate());
  }
}
