package org.latentlab.plugins.adversarial;

import java.util.List;
import java.util.Map;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;

/** What the model tests measure on a model in a session. */
final class Trained {
  private Trained() {}

  /** The accuracy of the model's {@code classify} function on {@code images}. */
  static double accuracy(ComputeSession session, Model model, ImageSet images) {
    CompiledFunction classify = session.compile(model.functions().get(Model.Functions.CLASSIFY));
    HostTensor logits = BatchedInference.map(classify, images, "logits", 256);
    int k = logits.shape()[1];
    int correct = 0;
    for (int i = 0; i < images.size(); i++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        best = logits.data()[i * k + j] > logits.data()[i * k + best] ? j : best;
      }
      correct += best == images.labels()[i] ? 1 : 0;
    }
    return (double) correct / images.size();
  }

  /** The mean of term {@code term} over the first (or last) {@code count} steps' losses. */
  static double mean(List<Map<String, Float>> losses, String term, int count, boolean last) {
    List<Map<String, Float>> part = last ? losses.subList(losses.size() - count, losses.size())
        : losses.subList(0, count);
    return part.stream().mapToDouble(l -> l.get(term)).average().orElseThrow();
  }
}
