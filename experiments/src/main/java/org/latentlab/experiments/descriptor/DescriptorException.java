package org.latentlab.experiments.descriptor;

import java.nio.file.Path;
import java.util.List;

/** A descriptor that cannot be run, with one message per problem found (all of them, not just the first). */
public final class DescriptorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /** Problems found in {@code file}; each message is prefixed with the file. */
  public DescriptorException(Path file, List<String> problems) {
    super(problems.size() + " problem(s) in " + file);
    this.problems = problems.stream().map(p -> "descriptor " + file + ": " + p).toList();
  }

  /** The messages, each naming the file, the field path, the value and the fix. */
  public List<String> problems() {
    return problems;
  }
}
