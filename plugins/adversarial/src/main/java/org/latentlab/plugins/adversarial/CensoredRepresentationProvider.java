package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/**
 * Entry point of the representation censored of a sensitive attribute ({@link CensoredRepresentation},
 * {@link CensoredRepresentationParameters}).
 */
public final class CensoredRepresentationProvider implements ModelProvider<CensoredRepresentationParameters> {

  @Override
  public String id() {
    return "censored-representation";
  }

  @Override
  public String description() {
    return "Encoder that keeps the class predictable and hides a sensitive attribute from an adversary through"
        + " gradient reversal (Edwards & Storkey 2016)";
  }

  @Override
  public Class<CensoredRepresentationParameters> parametersType() {
    return CensoredRepresentationParameters.class;
  }

  /**
   * @throws IllegalArgumentException naming {@code attribute} when the training images lack the factors it
   *                                  needs
   */
  @Override
  public Model create(CensoredRepresentationParameters p, ModelContext context) {
    int[] attribute;
    try {
      attribute = p.sensitiveAttribute().values(context.requireTrain(id()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model.attribute: " + e.getMessage(), e);
    }
    ClassifierNetwork network = ClassifierNetwork.withColourBlock(context.scope(), context.data(), p.channels(),
        p.latentDim());
    return new CensoredRepresentation(network, context.scope().child(CensoredRepresentation.ADVERSARY_SCOPE), p,
        attribute);
  }
}
