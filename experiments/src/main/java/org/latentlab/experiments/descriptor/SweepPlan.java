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
 * The combinations a descriptor asks for: its {@code seeds} (a list; default the single {@code seed})
 * times the grid of its {@code sweep} mapping, whose keys are dotted paths into the descriptor
 * ({@code model.latentDim}) and whose values are lists. Without either, one combination: the descriptor
 * itself.
 */
public final class SweepPlan {
  /** Sections a sweep may set fields of. */
  static final List<String> SWEEPABLE = List.of("backend", "dataset", "model", "training");

  /**
   * One combination.
   *
   * @param point    the grid point's label, e.g. {@code latentDim-16} ({@code default} without a grid);
   *                 runs of one point differ only in their seed
   * @param seed     the seed, or {@code null} to keep the descriptor's
   * @param settings the grid values by dotted path
   */
  public record Variant(String point, Long seed, Map<String, JsonNode> settings) {
    /** The edit that turns the descriptor document into this combination. */
    public UnaryOperator<ObjectNode> edit() {
      return doc -> {
        ObjectNode copy = doc.deepCopy();
        copy.remove(List.of("seeds", "sweep"));
        if (seed != null) {
          copy.put("seed", seed);
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

  /** The plan of {@code doc}; bad {@code seeds} or {@code sweep} fields add a problem each. */
  static SweepPlan of(ObjectNode doc, List<String> problems) {
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
    for (Map<String, JsonNode> p : points) {
      String label = label(p);
      if (seeds.isEmpty()) {
        variants.add(new Variant(label, null, p));
      } else {
        seeds.forEach(s -> variants.add(new Variant(label, s, p)));
      }
    }
    return new SweepPlan(variants, seedsNode != null || sweepNode != null);
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
