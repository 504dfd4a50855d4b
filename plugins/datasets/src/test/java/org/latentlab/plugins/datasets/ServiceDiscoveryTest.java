package org.latentlab.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.DatasetProvider;
import org.latentlab.api.spi.Provider;
import org.junit.jupiter.api.Test;

class ServiceDiscoveryTest {

  @Test
  @SuppressWarnings("rawtypes") // ServiceLoader is typed by a class literal
  void classPathFindsEveryProvider() {
    List<String> ids = ServiceLoader.load(DatasetProvider.class).stream()
        .map(p -> p.get().id()).toList();
    assertThat(ids).contains("mnist-10k", "idx", "shapes", "colour-digits", "digit-domains", "cifar10", "image-folder");
  }

  /** Resolves this module and the API in a fresh layer, as the launcher does, and loads MNIST-10k there. */
  @Test
  void modulePathFindsProvidersAndTheEmbeddedData() throws Exception {
    ModuleFinder finder = ModuleFinder.of(codeSource(Mnist10kDatasetProvider.class), codeSource(DatasetProvider.class));
    Configuration config = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("org.latentlab.plugins.datasets"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());
    Class<?> spi = layer.findLoader("org.latentlab.api").loadClass(DatasetProvider.class.getName());
    assertThat(spi).isNotSameAs(DatasetProvider.class);

    assertThat(ServiceLoader.load(layer, spi).stream().map(p -> p.type().getSimpleName()).toList()).containsExactly(
        "Mnist10kDatasetProvider", "IdxDatasetProvider", "ShapesDatasetProvider", "ColourDigitsDatasetProvider",
        "DigitDomainsDatasetProvider", "CifarDatasetProvider", "ImageFolderDatasetProvider");
    Object mnist = ServiceLoader.load(layer, spi).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.getClass().getSimpleName().equals("Mnist10kDatasetProvider")).findFirst().orElseThrow();
    assertThat(mnist.getClass().getModule().getName()).isEqualTo("org.latentlab.plugins.datasets");
    Class<?> parametersType = (Class<?>) spi.getMethod("parametersType").invoke(mnist);
    Object parameters = parametersType.getConstructor(Integer.class, Integer.class).newInstance(5, 3);
    Method load = spi.getMethod("load", layer.findLoader("org.latentlab.api")
        .loadClass("org.latentlab.api.spi.Parameters"));
    Object dataset = load.invoke(mnist, parameters);
    Object train = dataset.getClass().getMethod("train").invoke(dataset);
    assertThat(train.getClass().getMethod("size").invoke(train)).isEqualTo(5);
  }

  private static Path codeSource(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void idsAreKebabCase() {
    for (Provider<?> p : List.of(new Mnist10kDatasetProvider(), new IdxDatasetProvider(), new ShapesDatasetProvider(),
        new ColourDigitsDatasetProvider(), new DigitDomainsDatasetProvider(), new CifarDatasetProvider(),
        new ImageFolderDatasetProvider())) {
      assertThat(p.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(p.description()).isNotBlank();
    }
  }
}
