/**
 * Data sets: the embedded MNIST-10k digits (also in colour, and as a grey-to-colour domain pair),
 * generated dSprites-like shapes, and loaders for files users bring: IDX (full MNIST, Fashion-MNIST,
 * KMNIST), CIFAR-10 binary batches and folders of PNG or JPEG images. Exports nothing; its providers are
 * found with {@code ServiceLoader}.
 */
module org.latentlab.plugins.datasets {
  requires org.latentlab.api;
  requires java.desktop; // javax.imageio, for image-folder

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.datasets;

  provides org.latentlab.api.spi.DatasetProvider with
      org.latentlab.plugins.datasets.Mnist10kDatasetProvider,
      org.latentlab.plugins.datasets.IdxDatasetProvider,
      org.latentlab.plugins.datasets.ShapesDatasetProvider,
      org.latentlab.plugins.datasets.ColourDigitsDatasetProvider,
      org.latentlab.plugins.datasets.DigitDomainsDatasetProvider,
      org.latentlab.plugins.datasets.CifarDatasetProvider,
      org.latentlab.plugins.datasets.ImageFolderDatasetProvider;
}
