package org.latentlab.plugins.selfsupervised;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.latentlab.api.spi.PretextTaskProvider;

/** Every pretext task of the family is found with ServiceLoader under its id. */
class ProvidersTest {
  @Test
  void providersAreFoundUnderTheirIds() {
    List<String> ids = StreamSupport.stream(ServiceLoader.load(PretextTaskProvider.class).spliterator(), false)
        .filter(p -> p.getClass().getPackageName().equals(RotationProvider.class.getPackageName()))
        .map(p -> p.id()).toList();
    assertThat(ids).containsExactly("rotation", "contrastive", "context-prediction", "colorization", "jigsaw");
  }
}
