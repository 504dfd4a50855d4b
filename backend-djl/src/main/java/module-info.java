/**
 * The LatentLab API on DJL with the PyTorch engine, fully offline (libtorch comes from the
 * {@code pytorch-native-cpu} classifier jar on the class path). Exports nothing: the backend is found
 * with {@code ServiceLoader}.
 */
module org.latentlab.backend.djl {
  requires org.latentlab.api;
  requires ai.djl.api;
  requires ai.djl.pytorch_engine;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.backend.djl;

  provides org.latentlab.api.spi.BackendProvider with org.latentlab.backend.djl.DjlBackendProvider;
}
