package org.latentlab.api.params;

import java.util.Arrays;
import org.latentlab.api.tensor.Shapes;

/**
 * The standard initialisers. Glorot (Xavier; Glorot & Bengio 2010) keeps the variance
 * {@code 2 / (fanIn + fanOut)}; He (Kaiming; He et al. 2015) keeps {@code 2 / fanIn}, suited to ReLU.
 */
public final class Initializers {
  private Initializers() {}

  /** All zeros. */
  public static Initializer zeros() {
    return constant(0f);
  }

  /** All ones. */
  public static Initializer ones() {
    return constant(1f);
  }

  /** Every value equal to {@code value}. */
  public static Initializer constant(float value) {
    return (shape, fanIn, fanOut, random) -> {
      float[] v = new float[Math.toIntExact(Shapes.size(shape))];
      Arrays.fill(v, value);
      return v;
    };
  }

  /** Normal with mean 0 and standard deviation {@code std}. */
  public static Initializer normal(double std) {
    return (shape, fanIn, fanOut, random) -> {
      float[] v = new float[Math.toIntExact(Shapes.size(shape))];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (RandomStreams.gaussian(random) * std);
      }
      return v;
    };
  }

  /** Uniform on {@code [-limit, limit)}. */
  public static Initializer uniform(double limit) {
    return (shape, fanIn, fanOut, random) -> {
      float[] v = new float[Math.toIntExact(Shapes.size(shape))];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
      return v;
    };
  }

  /** Glorot normal: std {@code sqrt(2 / (fanIn + fanOut))}. */
  public static Initializer glorotNormal() {
    return (shape, fanIn, fanOut, random) ->
        normal(Math.sqrt(2.0 / (fanIn + fanOut))).initialize(shape, fanIn, fanOut, random);
  }

  /** Glorot uniform: limit {@code sqrt(6 / (fanIn + fanOut))}. */
  public static Initializer glorotUniform() {
    return (shape, fanIn, fanOut, random) ->
        uniform(Math.sqrt(6.0 / (fanIn + fanOut))).initialize(shape, fanIn, fanOut, random);
  }

  /** He normal: std {@code sqrt(2 / fanIn)}. */
  public static Initializer heNormal() {
    return (shape, fanIn, fanOut, random) ->
        normal(Math.sqrt(2.0 / fanIn)).initialize(shape, fanIn, fanOut, random);
  }

  /** He uniform: limit {@code sqrt(6 / fanIn)}. */
  public static Initializer heUniform() {
    return (shape, fanIn, fanOut, random) ->
        uniform(Math.sqrt(6.0 / fanIn)).initialize(shape, fanIn, fanOut, random);
  }
}
