package org.latentlab.plugins.adversarial;

import java.util.Optional;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the standard CNN classifier ({@link RobustClassifier} without an attack, {@link ClassifierParameters}). */
public final class CnnClassifierProvider implements ModelProvider<ClassifierParameters> {

  @Override
  public String id() {
    return "cnn-classifier";
  }

  @Override
  public String description() {
    return "Small CNN classifier (two stride-2 conv blocks, dense code, linear head) trained on clean images";
  }

  @Override
  public Class<ClassifierParameters> parametersType() {
    return ClassifierParameters.class;
  }

  @Override
  public Model create(ClassifierParameters p, ModelContext context) {
    ClassifierNetwork network = ClassifierNetwork.plain(context.scope(), context.data(), p.channels(), p.latentDim(),
        false);
    return new RobustClassifier(network, Optional.empty(), 1, p.learningRate());
  }
}
