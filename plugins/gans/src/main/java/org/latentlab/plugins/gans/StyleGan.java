package org.latentlab.plugins.gans;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.TrainingProgram;

/**
 * A small StyleGAN (Karras, Laine &amp; Aila, "A Style-Based Generator Architecture for Generative
 * Adversarial Networks", CVPR 2019): the {@link StyleGenerator} (mapping network {@code z -> w}, learned
 * constant input, per-layer {@link AdaIn} styles and noise inputs) against the strided-conv discriminator
 * of {@link Networks} with a {@link MinibatchStddev} channel (as StyleGAN's), in the game of {@link Gan} ({@link AdversarialProgram}: discriminator
 * {@code E[softplus(-D(x))] + E[softplus(D(G(z)))]}, the non-saturating generator loss
 * {@code E[softplus(-D(G(z)))]} by default). As in the paper, training uses mixing regularisation: with
 * probability {@code mixingProbability} an image takes its styles from two codes {@code z1, z2}, switching
 * at a crossover {@code t ~ U[0, 1)} of the depth (see {@link StyleGenerator#mixedStyles}), so that
 * neighbouring layers' styles are not assumed correlated. (The paper also uses progressive growing, an
 * R1 penalty, a 100x smaller learning rate in the mapping network and the truncation trick; not here.)
 *
 * <p>Functions: {@code generate} ({@code z [n, latentDim] -> x}, fresh noise, no mixing) and
 * {@code generate-mixed} ({@code z, z-mixed [n, latentDim], crossover [n] -> x}, the fixed noise maps;
 * see {@link Model.Functions#GENERATE_MIXED}).
 */
public final class StyleGan implements Model {
  private final StyleGenerator generator;
  private final Layer discriminator;
  private final AdversarialProgram program;
  private final float mixingProbability;

  StyleGan(StyleGenerator generator, Layer discriminator, AdversarialProgram program, float mixingProbability) {
    this.generator = generator;
    this.discriminator = discriminator;
    this.program = program;
    this.mixingProbability = mixingProbability;
  }

  /** A training sample: fresh noise, and two codes mixed with probability {@code mixingProbability}. */
  private Tensor trainingSample(Ops ops, Tensor z) {
    Tensor w = generator.map(ops, z);
    if (mixingProbability == 0) {
      return generator.synthesize(ops, StyleGenerator.sameStyles(w), true);
    }
    MathOps m = ops.math();
    int n = z.dim(0);
    Tensor wMixed = generator.map(ops, ops.random().normal(0f, 1f, n, generator.latentDim()));
    // u < p: t = u / p, uniform on [0, 1); otherwise t = 1, every style from w.
    Tensor t = m.minimum(m.scale(ops.random().uniform(0f, 1f, n, 1), 1f / mixingProbability), ops.scalar(1f));
    return generator.synthesize(ops, StyleGenerator.mixedStyles(ops, w, wMixed, t), true);
  }

  @Override
  public TrainingProgram program() {
    return program.program((ops, z, batch) -> trainingSample(ops, z), (ops, x, batch) -> discriminator.apply(ops, x));
  }

  @Override
  public Map<String, InferenceFunction> functions() {
    InferenceFunction generate = (ops, in) ->
        Map.of("x", generator.synthesize(ops, StyleGenerator.sameStyles(generator.map(ops, in.get("z"))), true));
    InferenceFunction mixed = (ops, in) -> {
      Tensor t = ops.shape().reshape(in.get("crossover"), in.get("crossover").dim(0), 1);
      List<Tensor> styles = StyleGenerator.mixedStyles(ops, generator.map(ops, in.get("z")),
          generator.map(ops, in.get("z-mixed")), t);
      return Map.of("x", generator.synthesize(ops, styles, false));
    };
    return Map.of(Functions.GENERATE, generate, Functions.GENERATE_MIXED, mixed);
  }

  @Override
  public OptionalInt noiseSize() {
    return OptionalInt.of(program.latentDim());
  }
}
