package org.latentlab.api.params;

import java.util.List;

/**
 * The trainable parameters one training step updates, selected by name prefix (e.g.
 * {@code generator/}). An empty prefix list selects every trainable parameter.
 *
 * @param prefixes name prefixes; a parameter is in the group if its name starts with any of them
 */
public record ParameterGroup(List<String> prefixes) {

  /** Copies the list. */
  public ParameterGroup {
    prefixes = List.copyOf(prefixes);
  }

  /** Every trainable parameter. */
  public static ParameterGroup all() {
    return new ParameterGroup(List.of());
  }

  /** The parameters under any of the given prefixes. */
  public static ParameterGroup under(String... prefixes) {
    return new ParameterGroup(List.of(prefixes));
  }

  /** Whether the group selects {@code name}. */
  public boolean contains(String name) {
    if (prefixes.isEmpty()) {
      return true;
    }
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
