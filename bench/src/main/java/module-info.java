/**
 * Hand-written training loops of the quickstart model on each engine, with no framework code: the
 * baselines that {@code latentlab bench} measures the framework against. The launcher starts
 * {@code org.latentlab.bench.ReferenceLoopMain} by name in a child JVM; nothing links against this
 * module, so it exports nothing. Depends on the engines and the JDK only.
 */
module org.latentlab.bench {
  requires java.management;
  requires ai.djl.api;
  requires ai.djl.pytorch_engine;
  requires tensorflow;
}
