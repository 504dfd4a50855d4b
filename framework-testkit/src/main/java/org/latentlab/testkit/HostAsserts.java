package org.latentlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.latentlab.api.tensor.HostTensor;

/** Assertions and small builders for host tensors, shared by the conformance suites. */
public final class HostAsserts {
  private HostAsserts() {}

  /** A host tensor of the given shape and values. */
  public static HostTensor t(int[] shape, float... values) {
    return new HostTensor(values, shape);
  }

  /** A shape, for readability: {@code s(2, 3)}. */
  public static int[] s(int... dims) {
    return dims;
  }

  /** {@code f} applied to every element of {@code x}. */
  public static HostTensor map(HostTensor x, DoubleUnaryOperator f) {
    float[] out = new float[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) f.applyAsDouble(x.data()[i]);
    }
    return new HostTensor(out, x.shape());
  }

  /**
   * Asserts equal shapes and, element by element, {@code |actual - expected| <= tol (1 + |expected|)}
   * (an absolute tolerance near zero, a relative one for large values).
   */
  public static void assertClose(HostTensor actual, HostTensor expected, double tol) {
    assertThat(actual.shape()).as("shape").containsExactly(expected.shape());
    for (int i = 0; i < expected.size(); i++) {
      assertThat((double) actual.data()[i]).as("element %d of %s", i, Arrays.toString(actual.data()))
          .isCloseTo(expected.data()[i], within(tol + tol * Math.abs(expected.data()[i])));
    }
  }
}
