/**
 * Conformance suites and reference implementations that backend and plugin authors run from their
 * own tests.
 */
module org.latentlab.testkit {
  requires transitive org.latentlab.api;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;

  exports org.latentlab.testkit;
  opens org.latentlab.testkit to org.junit.platform.commons;
}
