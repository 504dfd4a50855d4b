package org.latentlab.backend.tensorflow;

import java.util.Set;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Capability;
import org.latentlab.testkit.BackendConformanceSuite;

/**
 * The conformance suite with images transposed to NHWC around every convolution and pooling kernel:
 * the path a TensorFlow build without oneDNN takes (this build runs NCHW directly).
 */
class TfNhwcConformanceTest extends BackendConformanceSuite {
  @Override
  protected Backend createBackend() {
    return new TfBackend(2, ImageLayout.NHWC);
  }

  @Override
  protected Set<Capability> capabilities() {
    return new TfBackendProvider().capabilities();
  }
}
