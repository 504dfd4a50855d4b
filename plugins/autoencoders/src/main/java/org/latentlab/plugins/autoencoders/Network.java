package org.latentlab.plugins.autoencoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.ConvTranspose2d;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/**
 * The shared encoder/decoder of the autoencoder family, declared under {@code encoder/...} and
 * {@code decoder/...} of a scope.
 *
 * <ul>
 *   <li>{@code conv}: encoder Conv(c -> ch, k4 s2 p1) + ReLU, Conv(ch -> 2ch, k4 s2 p1) + ReLU, flatten,
 *       Dense {@code encoder/fc} -> code; decoder Dense {@code decoder/fc} + ReLU, ConvT(2ch -> ch) + ReLU,
 *       ConvT(ch -> c) to logits.</li>
 *   <li>{@code mlp}: encoder flatten, Dense {@code encoder/hidden} (hidden, ReLU), Dense {@code encoder/fc}
 *       -> code; decoder Dense {@code decoder/fc} (hidden, ReLU), Dense {@code decoder/out} -> logits,
 *       reshaped to the image.</li>
 * </ul>
 *
 * @param trunk         images {@code [n, c, h, w]} to features {@code [n, features]} (before the code layer)
 * @param features      width of the trunk's output
 * @param heads         the dense code layers on the features, {@code encoder/<name>}, in the order asked
 * @param decoderLogits codes {@code [n, latentDim]} to pixel logits {@code [n, c, h, w]}
 */
record Network(Sequential trunk, int features, List<Dense> heads, Sequential decoderLogits) {

  /** The first head applied to the trunk's features of {@code x}. */
  Tensor code(Ops ops, Tensor x) {
    return heads.get(0).apply(ops, trunk.apply(ops, x));
  }

  /**
   * Builds the trunk, the code heads and the decoder (declared in that order).
   *
   * @param model  the model id, for error messages
   * @param size   {@code channels} for conv, {@code hidden} for mlp
   * @param heads  name and width of each dense code layer (e.g. {@code fc}; or {@code mean} and
   *               {@code logvar}), in order
   */
  static Network build(String model, Architecture architecture, Scope scope, DataShape data, int latentDim, int size,
      Map<String, Integer> heads) {
    Scope enc = scope.child("encoder");
    Scope dec = scope.child("decoder");
    if (architecture == Architecture.MLP) {
      int flat = data.imageSize();
      Sequential trunk = Sequential.of(Reshape.flatten(), new Dense(enc.child("hidden"), flat, size), Activation.relu());
      List<Dense> codes = heads(enc, size, heads);
      Sequential decoder = Sequential.of(
          new Dense(dec.child("fc"), latentDim, size), Activation.relu(),
          new Dense(dec.child("out"), size, flat), Reshape.to(data.channels(), data.height(), data.width()));
      return new Network(trunk, size, codes, decoder);
    }
    int ch = size;
    Conv2d conv1 = new Conv2d(enc.child("conv1"), data.channels(), ch, 4, 2, 1);
    Conv2d conv2 = new Conv2d(enc.child("conv2"), ch, 2 * ch, 4, 2, 1);
    int midH = conv1.outputSize(data.height());
    int midW = conv1.outputSize(data.width());
    int h = conv2.outputSize(midH);
    int w = conv2.outputSize(midW);
    if (h < 1 || w < 1 || data.height() < 4 || data.width() < 4) {
      throw new IllegalArgumentException(model + ": images of " + data.height() + "x" + data.width()
          + " are too small for two stride-2 convolutions (need at least 4x4)");
    }
    // A k4 s2 p1 transposed convolution doubles the side; output padding restores an odd side.
    int pad1 = midH - 2 * h;
    int pad2 = data.height() - 2 * midH;
    if (pad1 != midW - 2 * w || pad2 != data.width() - 2 * midW) {
      throw new IllegalArgumentException(model + ": cannot mirror " + data.height() + "x" + data.width()
          + " images exactly; use height and width of the same parity at each halving (e.g. square images)");
    }
    int flat = 2 * ch * h * w;
    Sequential trunk = Sequential.of(conv1, Activation.relu(), conv2, Activation.relu(), Reshape.flatten());
    List<Dense> codes = heads(enc, flat, heads);
    Sequential decoder = Sequential.of(
        new Dense(dec.child("fc"), latentDim, flat), Activation.relu(), Reshape.to(2 * ch, h, w),
        new ConvTranspose2d(dec.child("deconv1"), 2 * ch, ch, 4, 2, 1, pad1, Initializers.heNormal()),
        Activation.relu(),
        new ConvTranspose2d(dec.child("deconv2"), ch, data.channels(), 4, 2, 1, pad2, Initializers.glorotNormal()));
    return new Network(trunk, flat, codes, decoder);
  }

  private static List<Dense> heads(Scope enc, int features, Map<String, Integer> heads) {
    List<Dense> out = new ArrayList<>();
    heads.forEach((name, width) -> out.add(new Dense(enc.child(name), features, width)));
    return List.copyOf(out);
  }
}
