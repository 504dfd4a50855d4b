package org.latentlab.api.train;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Inference functions compiled against one {@link ComputeSession}, each function object once: every call
 * of a compiled function sees the session's weights as they are at that moment. During training this is
 * how a model runs its own networks between steps (e.g. an adversarial attack on the classifier being
 * trained, {@link org.latentlab.api.spi.Model#prepareBatch(String, Map, org.latentlab.api.spi.BatchContext)}):
 * a graph backend traces each function once, not once per step. Keep the function objects in fields, so
 * the same object comes back every step.
 */
public final class SessionFunctions {
  private final ComputeSession session;
  private final Map<InferenceFunction, CompiledFunction> compiled = new IdentityHashMap<>();

  /** Functions compiled against {@code session}. */
  public SessionFunctions(ComputeSession session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  /** {@code function} compiled against the session, compiling it on its first use. */
  public synchronized CompiledFunction compiled(InferenceFunction function) {
    return compiled.computeIfAbsent(Objects.requireNonNull(function, "function"), session::compile);
  }
}
