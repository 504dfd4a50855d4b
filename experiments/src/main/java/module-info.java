/**
 * The {@code latentlab} launcher: binds experiment descriptors, finds plugins, runs experiments and
 * writes run folders. The only module that sees Guice.
 */
module org.latentlab.experiments {
  requires org.latentlab.api;
  requires org.latentlab.reports;
  requires com.google.guice;
  requires jakarta.inject;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires me.tongfei.progressbar;
  requires org.slf4j;
  requires java.desktop;
  requires java.management;

  opens org.latentlab.experiments to com.google.guice;
  opens org.latentlab.experiments.bench to com.fasterxml.jackson.databind;
  opens org.latentlab.experiments.cli to info.picocli, com.google.guice;
  opens org.latentlab.experiments.descriptor to com.fasterxml.jackson.databind, com.google.guice;
  opens org.latentlab.experiments.plugins to com.google.guice;
  opens org.latentlab.experiments.run to com.fasterxml.jackson.databind, com.google.guice;

  uses org.latentlab.api.spi.BackendProvider;
  uses org.latentlab.api.spi.DatasetProvider;
  uses org.latentlab.api.spi.ModelProvider;
  uses org.latentlab.api.spi.PretextTaskProvider;
  uses org.latentlab.api.spi.EvaluatorProvider;
  uses org.latentlab.api.spi.SweepExecutorProvider;

  provides org.latentlab.api.spi.SweepExecutorProvider with org.latentlab.experiments.run.LocalSweepExecutorProvider;
}
