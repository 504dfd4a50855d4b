package org.latentlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders any JSON value as HTML: objects as key/value tables, arrays of objects as tables whose columns
 * are the union of their keys, other arrays as comma-separated lists, scalars as escaped text.
 */
final class JsonHtml {

  private JsonHtml() {}

  /** The HTML for {@code node}. */
  static String render(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    append(sb, node);
    return sb.toString();
  }

  private static void append(StringBuilder sb, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sb.append("<span class=\"none\">&mdash;</span>");
    } else if (node.isObject()) {
      appendObject(sb, node);
    } else if (node.isArray()) {
      appendArray(sb, node);
    } else {
      sb.append(Html.esc(scalar(node)));
    }
  }

  /** The text of a scalar: floating-point numbers with four decimals, others as written. */
  static String scalar(JsonNode node) {
    if (node.isFloatingPointNumber()) {
      return Html.number(node.asDouble());
    }
    return node.asText();
  }

  private static void appendObject(StringBuilder sb, JsonNode node) {
    if (node.isEmpty()) {
      sb.append("<span class=\"none\">{}</span>");
      return;
    }
    sb.append("<table class=\"kv\">");
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      sb.append("<tr><th>").append(Html.esc(e.getKey())).append("</th><td>");
      append(sb, e.getValue());
      sb.append("</td></tr>");
    }
    sb.append("</table>");
  }

  private static void appendArray(StringBuilder sb, JsonNode node) {
    if (node.isEmpty()) {
      sb.append("<span class=\"none\">[]</span>");
      return;
    }
    boolean allObjects = true;
    for (JsonNode item : node) {
      allObjects &= item.isObject();
    }
    if (!allObjects) {
      List<String> parts = new ArrayList<>();
      for (JsonNode item : node) {
        parts.add(item.isContainerNode() ? render(item) : Html.esc(scalar(item)));
      }
      sb.append(String.join(", ", parts));
      return;
    }
    Set<String> columns = new LinkedHashSet<>();
    for (JsonNode item : node) {
      item.fieldNames().forEachRemaining(columns::add);
    }
    sb.append("<table class=\"grid\"><tr>");
    for (String column : columns) {
      sb.append("<th>").append(Html.esc(column)).append("</th>");
    }
    sb.append("</tr>");
    for (JsonNode item : node) {
      sb.append("<tr>");
      for (String column : columns) {
        sb.append("<td>");
        append(sb, item.get(column));
        sb.append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</table>");
  }
}
