package org.latentlab.plugins.autoencoders;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;

/**
 * What every model of the family shares: a {@link Network}, the functions {@code encode} ({@code x -> z}),
 * {@code decode} ({@code z -> x}, sigmoid of the decoder's logits) and {@code reconstruct}
 * ({@code x -> x}, the decoded code), and hooks for a model's own code and extra functions.
 */
abstract class AutoencoderBase implements Model {
  final Network network;

  AutoencoderBase(Network network) {
    this.network = network;
  }

  /** The code of {@code x}: what {@code encode} returns and the decoder reads. Trace-safe. */
  Tensor encode(Ops ops, Tensor x) {
    return network.code(ops, x);
  }

  /** Pixel logits of the codes {@code z}. */
  final Tensor decodeLogits(Ops ops, Tensor z) {
    return network.decoderLogits().apply(ops, z);
  }

  /** Images in (0, 1) of the codes {@code z}. */
  final Tensor decode(Ops ops, Tensor z) {
    return ops.nn().sigmoid(decodeLogits(ops, z));
  }

  /** Adds a model's own functions to the standard three; none by default. */
  void addFunctions(Map<String, InferenceFunction> functions) {}

  @Override
  public final Map<String, InferenceFunction> functions() {
    Map<String, InferenceFunction> functions = new LinkedHashMap<>();
    functions.put(Functions.ENCODE, (ops, in) -> Map.of("z", encode(ops, in.get("x"))));
    functions.put(Functions.DECODE, (ops, in) -> Map.of("x", decode(ops, in.get("z"))));
    functions.put(Functions.RECONSTRUCT, (ops, in) -> Map.of("x", decode(ops, encode(ops, in.get("x")))));
    addFunctions(functions);
    return java.util.Collections.unmodifiableMap(functions);
  }
}
