package org.latentlab.plugins.adversarial;

import java.util.Optional;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/**
 * Entry point of FGSM adversarial training (Goodfellow et al. 2015; {@link RobustClassifier},
 * {@link FgsmTrainingParameters}).
 */
public final class FgsmTrainingProvider implements ModelProvider<FgsmTrainingParameters> {

  @Override
  public String id() {
    return "fgsm-training";
  }

  @Override
  public String description() {
    return "CNN classifier trained on clean and FGSM examples mixed (Goodfellow et al. 2015)";
  }

  @Override
  public Class<FgsmTrainingParameters> parametersType() {
    return FgsmTrainingParameters.class;
  }

  @Override
  public Model create(FgsmTrainingParameters p, ModelContext context) {
    ClassifierNetwork network = ClassifierNetwork.plain(context.scope(), context.data(), p.channels(), p.latentDim(),
        false);
    return new RobustClassifier(network, Optional.of(p.attack()), p.cleanWeight(), p.learningRate());
  }
}
