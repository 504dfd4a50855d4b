/**
 * The LatentLab API on TensorFlow Java in graph mode, fully offline (the TensorFlow runtime comes
 * from the {@code tensorflow-core-native} classifier jar). Exports nothing: the backend is found with
 * {@code ServiceLoader}.
 */
module org.latentlab.backend.tensorflow {
  requires org.latentlab.api;
  requires tensorflow;
  requires tensorflow.nativelib;
  requires org.tensorflow.ndarray;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.backend.tensorflow;

  provides org.latentlab.api.spi.BackendProvider with org.latentlab.backend.tensorflow.TfBackendProvider;
}
