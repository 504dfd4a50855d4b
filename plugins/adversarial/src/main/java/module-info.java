/**
 * Adversarial training beyond generative models: adversarial examples (FGSM, PGD) and adversarial training
 * as a regulariser, domain adaptation through gradient reversal (DANN) and representations censored of a
 * sensitive attribute, with their evaluators. Written once against the neutral API; exports nothing.
 */
module org.latentlab.plugins.adversarial {
  requires org.latentlab.api;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.adversarial;

  provides org.latentlab.api.spi.ModelProvider with
      org.latentlab.plugins.adversarial.CnnClassifierProvider,
      org.latentlab.plugins.adversarial.FgsmTrainingProvider,
      org.latentlab.plugins.adversarial.PgdTrainingProvider,
      org.latentlab.plugins.adversarial.DannProvider,
      org.latentlab.plugins.adversarial.CensoredRepresentationProvider;

  provides org.latentlab.api.spi.EvaluatorProvider with
      org.latentlab.plugins.adversarial.AdversarialRobustnessEvaluatorProvider,
      org.latentlab.plugins.adversarial.AttributeProbeEvaluatorProvider;
}
