/**
 * Data sets: the embedded MNIST-10k digits and a loader for IDX files users bring (full MNIST,
 * Fashion-MNIST, KMNIST). Exports nothing; its providers are found with {@code ServiceLoader}.
 */
module org.latentlab.plugins.datasets {
  requires org.latentlab.api;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.datasets;

  provides org.latentlab.api.spi.DatasetProvider with
      org.latentlab.plugins.datasets.Mnist10kDatasetProvider,
      org.latentlab.plugins.datasets.IdxDatasetProvider;
}
