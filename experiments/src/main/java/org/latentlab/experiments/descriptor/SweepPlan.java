package org.latentlab.experiments.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The combinations a descriptor asks for: its named {@code variants} (each a partial descriptor laid
 * over the rest: a section given with a {@code type} replaces the descriptor's section, one without a
 * type sets fields of it, an {@code evaluators} list replaces the descriptor's), times the grid of its {@code sweep} mapping, whose keys are dotted paths into
 * the descriptor ({@code model.latentDim}) and whose values are lists, times its {@code seeds} (a list;
 * default the single {@code seed}). Without any of them, one combination: the descriptor itself.
 */
public final class SweepPlan {
  /** Sections a sweep may set fields of. */
  static final List<String> SWEEPABLE = List.of("backend", "dataset", "model", "training");
  /** Sections a variant may set: the sweepable ones, and the evaluator list (replaced as a whole). */
  static final List<String> VARIABLE = List.of("backend", "dataset", "model", "training", "evaluators");

  /**
   * One combination.
   *
   * @param point    the grid point's label, e.g. {@code latentDim-16} ({@code default} without a grid);
   *                 runs of one point differ only in their seed
   * @param seed     the seed, or {@code null} to keep the descriptor's
   * @param settings the grid values by dotted path
   * @param overlay  the named variant's partial descriptor, or {@code null}
   */
  public record Variant(String point, Long seed, Map<String, JsonNode> settings, ObjectNode overlay) {
    /** The edit that turns the descriptor document into this combination. */
    public UnaryOperator<ObjectNode> edit() {
      return doc -> {
        ObjectNode copy = doc.deepCopy();
        copy.remove(List.of("seeds", "sweep", "variants"));
        if (seed != null) {
          copy.put("seed", seed);
        }
        if (overlay != null) {
          overlay.fields().forEachRemaining(section -> {
            JsonNode base = copy.get(section.getKey());
            if (section.getValue() instanceof ObjectNode fields && base instanceof ObjectNode target
                && !fields.has("type")) {
              target.setAll(fields);
            } else {
              copy.set(section.getKey(), section.getValue().deepCopy());
            }
          });
        }
        settings.forEach((path, value) -> {
          String[] parts = path.split("\\.");
          ObjectNode node = copy;
          for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
          }
          node.set(parts[parts.length - 1], value);
        });
        return copy;
      };
    }
  }

  private final List<Variant> variants;
  private final boolean sweep;

  private SweepPlan(List<Variant> variants, boolean sweep) {
    this.variants = List.copyOf(variants);
    this.sweep = sweep;
  }

  /** Every combination, grid points in order and seeds within each. */
  public List<Variant> variants() {
    return variants;
  }

  /** Whether the descriptor asked for more than itself (seeds or a grid). */
  public boolean isSweep() {
    return sweep;
  }

  /** The plan of {@code doc}; bad {@code seeds}, {@code sweep} or {@code variants} fields add a problem each. */
  static SweepPlan of(ObjectNode doc, List<String> problems) {
    Map<String, ObjectNode> named = variants(doc.get("variants"), problems);
    List<Long> seeds = new ArrayList<>();
    JsonNode seedsNode = doc.get("seeds");
    if (seedsNode != null) {
      if (!seedsNode.isArray() || seedsNode.isEmpty()) {
        problems.add("seeds must be a non-empty list of integers (was " + seedsNode + ")");
      } else {
        for (JsonNode s : seedsNode) {
          if (!s.canConvertToLong() || !s.isIntegralNumber()) {
            problems.add("seeds must hold integers (was " + s + ")");
          } else {
            seeds.add(s.asLong());
          }
        }
      }
      if (doc.has("seed")) {
        problems.add("give either seed or seeds, not both");
      }
    }
    Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
    JsonNode sweepNode = doc.get("sweep");
    if (sweepNode != null) {
      if (!sweepNode.isObject() || sweepNode.isEmpty()) {
        problems.add("sweep must map dotted paths (e.g. model.latentDim) to lists of values (was " + sweepNode + ")");
      } else {
        Iterator<Map.Entry<String, JsonNode>> fields = sweepNode.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          String[] parts = f.getKey().split("\\.");
          if (parts.length < 2 || !SWEEPABLE.contains(parts[0]) || parts[1].equals("type")) {
            problems.add("sweep." + f.getKey() + ": the key must be a field of " + String.join(", ", SWEEPABLE)
                + " such as model.latentDim (types cannot be swept)");
          } else if (!f.getValue().isArray() || f.getValue().isEmpty()) {
            problems.add("sweep." + f.getKey() + " must be a non-empty list of values (was " + f.getValue() + ")");
          } else {
            List<JsonNode> values = new ArrayList<>();
            f.getValue().forEach(values::add);
            grid.put(f.getKey(), values);
          }
        }
      }
    }
    List<Map<String, JsonNode>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    grid.forEach((path, values) -> {
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> p : points) {
        for (JsonNode v : values) {
          Map<String, JsonNode> q = new LinkedHashMap<>(p);
          q.put(path, v);
          next.add(q);
        }
      }
      points.clear();
      points.addAll(next);
    });
    List<Variant> variants = new ArrayList<>();
    Map<String, ObjectNode> overlays = named.isEmpty() ? java.util.Collections.singletonMap(null, null) : named;
    overlays.forEach((name, overlay) -> {
      for (Map<String, JsonNode> p : points) {
        String label = name == null ? label(p) : p.isEmpty() ? name : name + "_" + label(p);
        if (seeds.isEmpty()) {
          variants.add(new Variant(label, null, p, overlay));
        } else {
          seeds.forEach(s -> variants.add(new Variant(label, s, p, overlay)));
        }
      }
    });
    return new SweepPlan(variants, seedsNode != null || sweepNode != null || !named.isEmpty());
  }

  /** The {@code variants} mapping: names to partial descriptors over the sweepable sections. */
  private static Map<String, ObjectNode> variants(JsonNode node, List<String> problems) {
    Map<String, ObjectNode> named = new LinkedHashMap<>();
    if (node == null) {
      return named;
    }
    if (!node.isObject() || node.isEmpty()) {
      problems.add("variants must map names to partial descriptors, e.g. {vae: {model: {type: vae}}} (was " + node + ")");
      return named;
    }
    node.fields().forEachRemaining(v -> {
      if (!v.getKey().matches("[A-Za-z0-9._-]+")) {
        problems.add("variants." + v.getKey() + ": a variant name may hold letters, digits, '.', '_' and '-' only");
      } else if (!(v.getValue() instanceof ObjectNode overlay) || overlay.isEmpty()) {
        problems.add("variants." + v.getKey() + " must be a partial descriptor such as {model: {type: vae}} (was "
            + v.getValue() + ")");
      } else {
        overlay.fieldNames().forEachRemaining(section -> {
          if (!VARIABLE.contains(section)) {
            problems.add("variants." + v.getKey() + "." + section + ": a variant may set " + String.join(", ", VARIABLE));
          }
        });
        named.put(v.getKey(), overlay);
      }
    });
    return named;
  }

  /** {@code latentDim-16_epochs-5}: the last path segment and the value of each setting. */
  private static String label(Map<String, JsonNode> settings) {
    if (settings.isEmpty()) {
      return "default";
    }
    List<String> parts = new ArrayList<>();
    settings.forEach((path, value) -> parts.add(path.substring(path.lastIndexOf('.') + 1) + "-"
        + (value.isTextual() ? value.asText() : value.toString()).replaceAll("[^A-Za-z0-9.]", "")));
    return String.join("_", parts);
  }
}
