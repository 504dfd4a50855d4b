package org.latentlab.api.spi;

import java.util.Map;
import java.util.Set;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.TrainingProgram;

/**
 * A built model: how it trains and what it offers once trained. Batches given to its steps hold
 * {@code x} (images {@code [n, c, h, w]} in [0, 1]) and {@code y} (labels {@code [n]} as floats).
 */
public interface Model {

  /** Standard inference-function names; each maps inputs named as the comment says. */
  final class Functions {
    private Functions() {}

    /** {@code x -> z}: the representation probes use, {@code [n, d]}. */
    public static final String ENCODE = "encode";
    /** {@code x -> x}: reconstruction (autoencoders). */
    public static final String RECONSTRUCT = "reconstruct";
    /** {@code z -> x}: decoding a code to an image. */
    public static final String DECODE = "decode";
  }

  /** The training program. */
  TrainingProgram program();

  /** Inference functions by name (see {@link Functions}). */
  Map<String, InferenceFunction> functions();

  /** Capabilities the backend must have to train this model; none by default. */
  default Set<Capability> requiredCapabilities() {
    return Set.of();
  }
}
