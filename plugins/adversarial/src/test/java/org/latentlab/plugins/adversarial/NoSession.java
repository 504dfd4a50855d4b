package org.latentlab.plugins.adversarial;

import java.util.Map;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;

/** A session for models whose {@code prepareBatch} must not compile anything: every use fails. */
final class NoSession implements ComputeSession {
  @Override
  public ParameterStore store() {
    throw new UnsupportedOperationException("no session in this test");
  }

  @Override
  public Trainer trainer(TrainingProgram program) {
    throw new UnsupportedOperationException("no session in this test");
  }

  @Override
  public CompiledFunction compile(InferenceFunction function) {
    throw new UnsupportedOperationException("no session in this test");
  }

  @Override
  public Map<String, HostTensor> readState() {
    throw new UnsupportedOperationException("no session in this test");
  }

  @Override
  public void writeState(Map<String, HostTensor> values) {
    throw new UnsupportedOperationException("no session in this test");
  }

  @Override
  public void close() {}
}
