package org.latentlab.api.train;

/** Which optimizer a training step uses, with its hyper-parameters. */
public sealed interface OptimizerSpec permits OptimizerSpec.Sgd, OptimizerSpec.Adam {

  /** Learning rate. */
  double learningRate();

  /**
   * Stochastic gradient descent with (heavy-ball) momentum: {@code v = mu v + g + wd p; p = p - lr v}.
   *
   * @param momentum    mu, 0 for plain SGD
   * @param weightDecay L2 coefficient added to the gradient
   */
  record Sgd(double learningRate, double momentum, double weightDecay) implements OptimizerSpec {
    /** Checks ranges. */
    public Sgd {
      Checks.positive("learningRate", learningRate);
      Checks.inRange("momentum", momentum, 0, 1);
      Checks.nonNegative("weightDecay", weightDecay);
    }
  }

  /**
   * Adam (Kingma &amp; Ba 2015) with bias correction: {@code m = b1 m + (1-b1) g},
   * {@code v = b2 v + (1-b2) g^2}, {@code p = p - lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}.
   *
   * @param weightDecay L2 coefficient added to the gradient
   */
  record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
      implements OptimizerSpec {
    /** Checks ranges. */
    public Adam {
      Checks.positive("learningRate", learningRate);
      Checks.inRange("beta1", beta1, 0, 1);
      Checks.inRange("beta2", beta2, 0, 1);
      Checks.positive("epsilon", epsilon);
      Checks.nonNegative("weightDecay", weightDecay);
    }

    /** Adam with the usual defaults (0.9, 0.999, 1e-8) and no weight decay. */
    public static Adam of(double learningRate) {
      return new Adam(learningRate, 0.9, 0.999, 1e-8, 0);
    }
  }

  /** Range checks with messages that name the field. */
  final class Checks {
    private Checks() {}

    static void positive(String name, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " must be > 0 (was " + v + ")");
      }
    }

    static void nonNegative(String name, double v) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " must be >= 0 (was " + v + ")");
      }
    }

    static void inRange(String name, double v, double lo, double hiExclusive) {
      if (!(v >= lo && v < hiExclusive)) {
        throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hiExclusive + ") (was " + v + ")");
      }
    }
  }
}
