package org.latentlab.api.spi;

/**
 * A provider's parameters record. Records give defaults for absent fields in their compact
 * constructors and report invalid values through {@link #validate}, so a descriptor can be checked
 * completely before anything runs.
 */
public interface Parameters {
  /** Adds a problem for every invalid field; the default accepts everything. */
  default void validate(Problems problems) {}
}
