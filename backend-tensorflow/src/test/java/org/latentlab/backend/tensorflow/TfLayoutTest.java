package org.latentlab.backend.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.BackendHarness;
import org.latentlab.testkit.HostAsserts;

/**
 * Convolution outputs stay channels-last until an op needs NCHW: every op must give the same values
 * (and gradients) on such a tensor as on the same values in the API's layout.
 */
class TfLayoutTest {
  private static Backend backend;

  @BeforeAll
  static void open() {
    backend = new TfBackendProvider().create(new TfParameters(null));
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  /** Ops applied to a channels-last image {@code y} and to another tensor {@code other}. */
  private static final Map<String, BiFunction<Ops, Tensor[], Tensor>> CASES = new LinkedHashMap<>();

  static {
    CASES.put("add rank-4", (o, t) -> o.math().add(t[0], t[1]));
    CASES.put("mul by a row vector", (o, t) -> o.math().mul(t[0], t[2]));
    CASES.put("add per-channel bias (BiasAdd)", (o, t) -> o.math().add(o.shape().reshape(t[3], 1, 3, 1, 1), t[0]));
    CASES.put("sub per-channel", (o, t) -> o.math().sub(t[0], o.shape().reshape(t[3], 1, 3, 1, 1)));
    CASES.put("scalar and unary chain", (o, t) -> o.nn().sigmoid(o.math().scale(o.nn().relu(t[0]), 2f)));
    CASES.put("sum over channels", (o, t) -> o.math().sum(t[0], true, 1));
    CASES.put("mean over all", (o, t) -> o.math().mean(o.math().square(t[0])));
    CASES.put("flatten", (o, t) -> o.shape().flatten(t[0]));
    CASES.put("flatten then dense", (o, t) -> o.math().matmul(o.shape().flatten(t[0]), t[5]));
    CASES.put("flatten, dense and the rows too", (o, t) -> o.math().add(
        o.math().sum(o.math().matmul(o.shape().flatten(t[0]), t[5])), o.math().sum(o.shape().flatten(t[0]))));
    CASES.put("slice", (o, t) -> o.shape().slice(t[0], new int[] {0, 1, 0, 1}, new int[] {-1, 2, 2, -1}));
    CASES.put("softmax over channels", (o, t) -> o.nn().softmax(t[0], 1));
    CASES.put("second convolution", (o, t) -> o.nn().conv2d(o.nn().leakyRelu(t[0], 0.1f), t[4], 1, 1));
  }

  @Test
  void everyOpGivesTheSameValuesOnAChannelsLastImage() {
    HostTensor x = BackendHarness.random(1, -1, 1, 2, 2, 5, 6);
    HostTensor w = BackendHarness.random(2, -1, 1, 3, 2, 3, 3);
    HostTensor full = BackendHarness.random(3, -1, 1, 2, 3, 5, 6);
    HostTensor row = BackendHarness.random(4, -1, 1, 6);
    HostTensor channel = BackendHarness.random(5, -1, 1, 3);
    HostTensor w2 = BackendHarness.random(6, -1, 1, 4, 3, 3, 3);
    HostTensor dense = BackendHarness.random(7, -1, 1, 3 * 5 * 6, 4);
    try (ComputeSession session = backend.open(new ParameterStore(0), 0)) {
      for (Map.Entry<String, BiFunction<Ops, Tensor[], Tensor>> c : CASES.entrySet()) {
        Map<String, HostTensor> out = session.compile((o, in) -> {
          Tensor y = o.nn().conv2d(in.get("x"), in.get("w"), 1, 1);
          Tensor yNchw = o.shape().reshape(y, y.shape());
          assertThat(((TfTensor) y).isChannelsLast()).isTrue();
          assertThat(((TfTensor) yNchw).isChannelsLast()).isFalse();
          Tensor[] rest = {in.get("full"), in.get("row"), in.get("channel"), in.get("w2"), in.get("dense")};
          Tensor onLast = c.getValue().apply(o, concat(y, rest));
          Tensor onFirst = c.getValue().apply(o, concat(yNchw, rest));
          Tensor g1 = o.gradients(o.math().sum(o.math().square(onLast)), List.of(in.get("w"))).get(0);
          Tensor g2 = o.gradients(o.math().sum(o.math().square(onFirst)), List.of(in.get("w"))).get(0);
          return Map.of("last", onLast, "first", onFirst, "gLast", g1, "gFirst", g2);
        }).apply(Map.of("x", x, "w", w, "full", full, "row", row, "channel", channel, "w2", w2, "dense", dense));
        assertThat(out.get("last").shape()).as(c.getKey()).containsExactly(out.get("first").shape());
        HostAsserts.assertClose(out.get("last"), out.get("first"), 1e-5);
        HostAsserts.assertClose(out.get("gLast"), out.get("gFirst"), 1e-4);
      }
    }
  }

  private static Tensor[] concat(Tensor first, Tensor[] rest) {
    Tensor[] all = new Tensor[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
