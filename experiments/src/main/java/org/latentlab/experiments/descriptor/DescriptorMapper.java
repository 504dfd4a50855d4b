package org.latentlab.experiments.descriptor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Jackson set-up for descriptors: strict binding (unknown fields, nulls for primitives and
 * floats for integers all fail), paths resolved against the descriptor's folder, YAML out.
 */
public final class DescriptorMapper {
  /** Reader attribute holding the folder relative paths are resolved against. */
  static final String BASE_DIR = "latentlab.baseDir";

  private DescriptorMapper() {}

  /** The mapper that binds parameter records. */
  public static ObjectMapper binding() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(pathModule())
        .build();
  }

  /** The mapper that reads and writes YAML documents. */
  public static YAMLMapper yaml() {
    return YAMLMapper.builder(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build())
        .addModule(pathModule())
        .build();
  }

  private static SimpleModule pathModule() {
    SimpleModule module = new SimpleModule("latentlab-paths");
    module.addSerializer(Path.class, ToStringSerializer.instance);
    module.addDeserializer(Path.class, new RelativePathDeserializer());
    return module;
  }

  /** Reads a path; a relative one is resolved against the descriptor's folder. */
  private static final class RelativePathDeserializer extends StdDeserializer<Path> {
    private static final long serialVersionUID = 1L;

    RelativePathDeserializer() {
      super(Path.class);
    }

    @Override
    public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isScalarValue()) {
        return (Path) ctxt.handleUnexpectedToken(Path.class, p);
      }
      String text = p.getValueAsString();
      Path path = Path.of(text);
      Object base = ctxt.getAttribute(BASE_DIR);
      if (!path.isAbsolute() && base instanceof Path dir) {
        path = dir.resolve(path);
      }
      return path.normalize();
    }
  }
}
