package org.latentlab.api.spi;

import java.util.List;

/**
 * A small table for the report (e.g. probe accuracy beside its baselines).
 *
 * @param title   heading
 * @param columns column headers
 * @param rows    cells as text, one list per row
 * @param note    a line under the table (protocol details), may be empty
 */
public record ResultTable(String title, List<String> columns, List<List<String>> rows, String note) {
  /** Copies and checks row widths. */
  public ResultTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> r : rows) {
      if (r.size() != columns.size()) {
        throw new IllegalArgumentException("table '" + title + "': row " + r + " has " + r.size()
            + " cells, expected " + columns.size());
      }
    }
  }
}
