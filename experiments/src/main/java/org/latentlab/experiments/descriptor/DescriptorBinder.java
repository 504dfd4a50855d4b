package org.latentlab.experiments.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.latentlab.api.spi.BackendProvider;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;
import org.latentlab.experiments.plugins.ModelFactory;
import org.latentlab.experiments.plugins.PluginEntry;
import org.latentlab.experiments.plugins.PluginKind;
import org.latentlab.experiments.plugins.PluginRegistry;

/**
 * Reads a YAML experiment descriptor and binds each section to its provider's parameters record,
 * polymorphically by the section's {@code type} (the provider id). It collects every problem it can
 * find in one pass (unknown fields with suggestions, wrong types, invalid values, missing files,
 * capabilities the backend lacks) and reports them together, each naming the file, the path in the
 * document, the value and what is allowed.
 */
public final class DescriptorBinder {
  /** The top-level fields a descriptor may have. */
  public static final List<String> TOP_LEVEL =
      List.of("name", "description", "seed", "seeds", "sweep", "variants", "backend", "dataset", "model", "training",
          "evaluators", "executor");
  private static final long DEFAULT_SEED = 42;

  private final PluginRegistry registry;
  private final ObjectMapper binding = DescriptorMapper.binding();
  private final YAMLMapper yaml = DescriptorMapper.yaml();

  /** A binder resolving {@code type}s against {@code registry}. */
  @Inject
  public DescriptorBinder(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * Binds {@code file}; {@code backendOverride} (from {@code --backend}) replaces the descriptor's
   * backend type.
   */
  public Experiment bind(Path file, Optional<String> backendOverride) throws DescriptorException {
    return bind(file, backendOverride, UnaryOperator.identity());
  }

  /**
   * Binds every combination of a descriptor's {@code seeds} and {@code sweep} grid (see
   * {@link SweepPlan}), checking each; a plain descriptor gives one. Problems of a combination name it.
   */
  public Sweep bindAll(Path file, Optional<String> backendOverride) throws DescriptorException {
    return bindAll(file, backendOverride, Optional.empty());
  }

  /**
   * {@link #bindAll(Path, Optional)}, also binding the descriptor's {@code executor} section (default
   * {@code local}), whose type {@code executorOverride} (from {@code --executor}) replaces.
   */
  public Sweep bindAll(Path file, Optional<String> backendOverride, Optional<String> executorOverride)
      throws DescriptorException {
    return bindAll(file, backendOverride, executorOverride, UnaryOperator.identity());
  }

  /**
   * {@link #bindAll(Path, Optional, Optional)} with {@code edit} applied to every combination's document
   * after its own changes (e.g. a trial's engine threads).
   */
  public Sweep bindAll(Path file, Optional<String> backendOverride, Optional<String> executorOverride,
      UnaryOperator<ObjectNode> edit) throws DescriptorException {
    Path absolute = file.toAbsolutePath().normalize();
    List<String> problems = new ArrayList<>();
    ObjectNode doc = read(file, absolute);
    Section executor = executor(doc, executorOverride, absolute.getParent(), problems);
    SweepPlan plan = SweepPlan.of(doc, problems);
    if (!problems.isEmpty()) {
      throw new DescriptorException(file, problems);
    }
    List<Sweep.Run> runs = new ArrayList<>();
    for (SweepPlan.Variant v : plan.variants()) {
      try {
        UnaryOperator<ObjectNode> variant = v.edit();
        runs.add(new Sweep.Run(v.point(), bind(file, backendOverride, d -> edit.apply(variant.apply(d)))));
      } catch (DescriptorException e) {
        String which = plan.isSweep() ? "[" + v.point() + (v.seed() == null ? "" : ", seed " + v.seed()) + "] " : "";
        e.problems().forEach(p -> problems.add(which + p.substring(p.indexOf(": ") + 2)));
      }
    }
    if (!problems.isEmpty()) {
      throw new DescriptorException(file, problems.stream().distinct().toList());
    }
    return new Sweep(plan.isSweep(), runs, executor);
  }

  /** The {@code executor} section ({@code local} when absent), its type replaced by {@code override}. */
  private Section executor(ObjectNode doc, Optional<String> override, Path baseDir, List<String> problems) {
    ObjectNode node = doc.has("executor") ? objectOrEmpty(doc.get("executor")).deepCopy() : typeOnly("local");
    override.ifPresent(type -> {
      if (!type.equals(node.path("type").asText())) {
        node.removeAll();
        node.put("type", type);
      }
    });
    return section(node, "executor", List.of(PluginKind.SWEEP_EXECUTOR), baseDir, problems);
  }

  /**
   * Binds {@code file} after {@code edit} has changed its parsed document, e.g. the benchmark's batch
   * size and backend. The edited document is checked like any other; relative paths still resolve
   * against the file's folder.
   */
  public Experiment bind(Path file, UnaryOperator<ObjectNode> edit) throws DescriptorException {
    return bind(file, Optional.empty(), edit);
  }

  /** Binds {@code file} after applying {@code edit}, on {@code backendOverride} when given. */
  public Experiment bind(Path file, Optional<String> backendOverride, UnaryOperator<ObjectNode> edit)
      throws DescriptorException {
    Path absolute = file.toAbsolutePath().normalize();
    ObjectNode doc = edit.apply(read(file, absolute));
    Path baseDir = absolute.getParent();
    List<String> problems = new ArrayList<>();
    Iterator<String> names = doc.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!TOP_LEVEL.contains(field)) {
        problems.add(field + ": unknown field; allowed: " + String.join(", ", TOP_LEVEL) + Suggestions.hint(field, TOP_LEVEL));
      }
    }
    if (doc.has("seeds") || doc.has("sweep") || doc.has("variants")) {
      problems.add("this descriptor lists seeds, a sweep or variants: run (or validate) it as a whole, each combination is"
          + " bound on its own");
    }
    String name = text(doc, "name", problems);
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      problems.add("name must be letters, digits, '.', '_' or '-' (it names the run folder) (was '" + name + "')");
    }
    long seed = DEFAULT_SEED;
    JsonNode seedNode = doc.get("seed");
    if (seedNode != null && !seedNode.canConvertToLong()) {
      problems.add("seed must be an integer (was " + seedNode + ")");
    } else if (seedNode != null) {
      seed = seedNode.asLong();
    }
    ObjectNode backendNode = doc.has("backend") ? objectOrEmpty(doc.get("backend")) : typeOnly("djl");
    backendOverride.ifPresent(b -> {
      if (!b.equals(backendNode.path("type").asText())) {
        backendNode.removeAll();
        backendNode.put("type", b);
      }
    });
    Section backend = section(backendNode, "backend", List.of(PluginKind.BACKEND), baseDir, problems);
    Section dataset = section(doc.get("dataset"), "dataset", List.of(PluginKind.DATASET), baseDir, problems);
    // A pretext task builds a Model too: the model section names either kind.
    Section model = section(doc.get("model"), "model", List.of(PluginKind.MODEL, PluginKind.PRETEXT_TASK), baseDir,
        problems);
    TrainingBudget training = doc.has("training")
        ? bindParameters(doc.get("training"), "training", TrainingBudget.class, baseDir, problems)
        : TrainingBudget.defaults();
    List<Section> evaluators = evaluators(doc.get("evaluators"), baseDir, problems);
    if (backend != null && model != null) {
      checkCapabilities(backend, model, problems);
    }
    if (!problems.isEmpty()) {
      throw new DescriptorException(file, problems);
    }
    String resolved = resolvedYaml(doc, name, seed, backend, dataset, model, training, evaluators);
    return new Experiment(absolute, name, seed, backend, dataset, model, training, evaluators, resolved);
  }

  private ObjectNode read(Path file, Path absolute) throws DescriptorException {
    if (!Files.isRegularFile(absolute)) {
      throw new DescriptorException(file, List.of("file not found; give the path of a YAML descriptor"));
    }
    JsonNode root;
    try {
      root = yaml.readTree(absolute.toFile());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw new DescriptorException(file, List.of("not valid YAML" + where + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new DescriptorException(file, List.of("cannot be read: " + e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new DescriptorException(file, List.of(
          "must be a YAML mapping with the fields " + String.join(", ", TOP_LEVEL)));
    }
    return (ObjectNode) root;
  }

  private List<Section> evaluators(JsonNode node, Path baseDir, List<String> problems) {
    List<Section> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add("evaluators must be a list of {type: ...} entries (was " + node + ")");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      Section s = section(node.get(i), "evaluators[" + i + "]", List.of(PluginKind.EVALUATOR), baseDir, problems);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private Section section(JsonNode node, String path, List<PluginKind> kinds, Path baseDir, List<String> problems) {
    List<String> ids = kinds.stream().flatMap(k -> registry.ids(k).stream()).toList();
    String label = kinds.stream().map(PluginKind::label).collect(Collectors.joining(" or "));
    if (node == null || node.isNull()) {
      problems.add(path + " is missing; give {type: ...} with one of: " + String.join(", ", ids));
      return null;
    }
    if (!node.isObject()) {
      problems.add(path + " must be a mapping like {type: " + (ids.isEmpty() ? "..." : ids.get(0)) + "} (was " + node + ")");
      return null;
    }
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      problems.add(path + ".type is missing; one of: " + String.join(", ", ids));
      return null;
    }
    String type = typeNode.asText();
    List<PluginEntry> found = kinds.stream().flatMap(k -> registry.find(k, type).stream()).toList();
    if (found.isEmpty()) {
      problems.add(path + ".type: no " + label + " called '" + type + "'; available: "
          + String.join(", ", ids) + Suggestions.hint(type, ids) + " (see 'latentlab plugins')");
      return null;
    }
    if (found.size() > 1) {
      problems.add(path + ".type: '" + type + "' names both a " + found.get(0).kind().label() + " (" + found.get(0).origin()
          + ") and a " + found.get(1).kind().label() + " (" + found.get(1).origin() + "); remove one of the two plugins");
      return null;
    }
    PluginEntry entry = found.get(0);
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    fields.remove("type");
    @SuppressWarnings("unchecked")
    Class<? extends Parameters> type1 = (Class<? extends Parameters>) entry.provider().parametersType();
    Parameters parameters = bindParameters(fields, path, type1, baseDir, problems);
    return parameters == null ? null : new Section(path, entry, parameters);
  }

  private <P extends Parameters> P bindParameters(
      JsonNode node, String path, Class<P> type, Path baseDir, List<String> problems) {
    if (node == null || node.isNull()) {
      node = JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      problems.add(path + " must be a mapping (was " + node + ")");
      return null;
    }
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    if (type.isRecord()) {
      Set<String> allowed = new LinkedHashSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        allowed.add(c.getName());
      }
      List<String> unknown = new ArrayList<>();
      fields.fieldNames().forEachRemaining(f -> {
        if (!allowed.contains(f)) {
          unknown.add(f);
        }
      });
      for (String f : unknown) {
        problems.add(path + "." + f + ": unknown field; allowed: "
            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + Suggestions.hint(f, allowed));
        fields.remove(f);
      }
    }
    P value;
    try {
      value = binding.readerFor(type).withAttribute(DescriptorMapper.BASE_DIR, baseDir).readValue(fields);
    } catch (MismatchedInputException e) {
      problems.add(path + fieldPath(e) + " must be " + describe(e.getTargetType()) + " (was " + valueAt(fields, e) + ")");
      return null;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      problems.add(path + ": " + cause.getMessage());
      return null;
    } catch (IOException e) {
      problems.add(path + ": " + e.getMessage());
      return null;
    }
    Problems found = new Problems();
    value.validate(found);
    for (Problems.Problem p : found.all()) {
      problems.add(path + "." + p.message());
    }
    return value;
  }

  private void checkCapabilities(Section backend, Section model, List<String> problems) {
    BackendProvider<?> backendProvider = (BackendProvider<?>) backend.plugin().provider();
    Set<Capability> needed = ModelFactory.requiredCapabilities(model.plugin().provider(), model.parameters());
    for (Capability c : needed) {
      if (!backendProvider.capabilities().contains(c)) {
        List<String> having = registry.all().stream()
            .filter(e -> e.kind() == PluginKind.BACKEND)
            .filter(e -> ((BackendProvider<?>) e.provider()).capabilities().contains(c))
            .map(PluginEntry::id).toList();
        problems.add("model: " + model.type() + " needs the capability '" + c.id() + "' (" + c.detail()
            + ") which backend '" + backend.type() + "' lacks; backends that have it: "
            + (having.isEmpty() ? "none installed" : String.join(", ", having)));
      }
    }
  }

  private String resolvedYaml(ObjectNode doc, String name, long seed, Section backend, Section dataset,
      Section model, TrainingBudget training, List<Section> evaluators) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("name", name);
    if (doc.has("description")) {
      out.set("description", doc.get("description"));
    }
    out.put("seed", seed);
    out.set("backend", sectionNode(backend));
    out.set("dataset", sectionNode(dataset));
    out.set("model", sectionNode(model));
    out.set("training", yaml.valueToTree(training));
    ArrayNode list = out.putArray("evaluators");
    evaluators.forEach(e -> list.add(sectionNode(e)));
    try {
      return yaml.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the resolved descriptor", e);
    }
  }

  private ObjectNode sectionNode(Section s) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", s.type());
    node.setAll((ObjectNode) yaml.valueToTree(s.parameters()));
    return node;
  }

  private static String text(ObjectNode doc, String field, List<String> problems) {
    JsonNode n = doc.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      problems.add(field + " is missing; give the experiment a name (it names the run folder)");
      return null;
    }
    return n.asText();
  }

  private static ObjectNode objectOrEmpty(JsonNode node) {
    return node != null && node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  private static ObjectNode typeOnly(String type) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("type", type);
    return n;
  }

  /** The offending value as written in the document, found by the exception's path. */
  private static String valueAt(JsonNode root, JsonMappingException e) {
    JsonNode node = root;
    for (JsonMappingException.Reference r : e.getPath()) {
      node = r.getFieldName() != null ? node.path(r.getFieldName()) : node.path(r.getIndex());
    }
    return node.isMissingNode() ? "absent" : node.isTextual() ? node.asText() : node.toString();
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining());
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == Path.class) {
      return "a file path";
    }
    return "a " + type.getSimpleName();
  }
}
