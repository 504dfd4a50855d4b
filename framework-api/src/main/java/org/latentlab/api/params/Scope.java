package org.latentlab.api.params;

/**
 * A name prefix in a {@link ParameterStore}: layers declare their parameters under a scope, so a
 * model's parameters get paths like {@code encoder/conv1/weight}.
 */
public record Scope(ParameterStore store, String prefix) {

  /** The root scope of a store. */
  public static Scope root(ParameterStore store) {
    return new Scope(store, "");
  }

  /** A nested scope {@code prefix/name}. */
  public Scope child(String name) {
    return new Scope(store, prefix.isEmpty() ? name : prefix + "/" + name);
  }

  /** The full name of {@code local} in this scope. */
  public String name(String local) {
    return prefix.isEmpty() ? local : prefix + "/" + local;
  }
}
