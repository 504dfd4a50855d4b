package org.latentlab.api.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems, each naming a field path, the offending value and what is allowed.
 * The caller prefixes the path (e.g. {@code model.}) and the descriptor file.
 */
public final class Problems {

  /** One problem: {@code field} had {@code value}; {@code expectation} says what would be accepted. */
  public record Problem(String field, Object value, String expectation) {
    /** {@code field must be ... (was value)}. */
    public String message() {
      return field + " " + expectation + " (was " + value + ")";
    }
  }

  private final List<Problem> problems = new ArrayList<>();

  /** Records a problem with {@code field}. */
  public void add(String field, Object value, String expectation) {
    problems.add(new Problem(field, value, expectation));
  }

  /** Adds a problem unless {@code condition} holds. */
  public void require(boolean condition, String field, Object value, String expectation) {
    if (!condition) {
      add(field, value, expectation);
    }
  }

  /** The problems in the order found. */
  public List<Problem> all() {
    return List.copyOf(problems);
  }

  /** Whether none were found. */
  public boolean isEmpty() {
    return problems.isEmpty();
  }
}
