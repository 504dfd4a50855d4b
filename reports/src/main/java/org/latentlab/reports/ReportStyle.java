package org.latentlab.reports;

/** The report's inline style sheet. */
final class ReportStyle {

  private ReportStyle() {}

  /** CSS for the report; system fonts only, nothing loaded from the network. */
  static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;\
      padding:24px;color:#1d1d1f;background:#fafafa;line-height:1.45}
      h1{margin:0 0 4px;font-size:1.7em}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
      h3{margin:20px 0 8px}h4{margin:14px 0 6px}
      code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
      pre{background:#f0f0f0;padding:10px;overflow-x:auto;white-space:pre-wrap}
      .meta{color:#555;margin:0 0 8px}
      .badge{font-size:.55em;vertical-align:middle;padding:3px 10px;border-radius:12px;color:#fff;\
      text-transform:uppercase;letter-spacing:.05em}
      .badge.ok{background:#2e7d32}.badge.bad{background:#c62828}.badge.busy{background:#ef8f00}\
      .badge.other{background:#757575}
      .failure{border:2px solid #c62828;background:#fdecea;color:#8e0000;padding:10px 14px;border-radius:6px;\
      margin:10px 0}
      .failure pre{background:transparent;padding:4px 0;margin:4px 0 0;color:#8e0000}
      .cards{display:flex;flex-wrap:wrap;gap:12px}
      .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;min-width:150px}
      .card .value{font-size:1.6em;font-weight:600;font-variant-numeric:tabular-nums}
      .card .label{color:#555;font-size:.85em;word-break:break-all}
      figure{display:inline-block;margin:8px 16px 8px 0;vertical-align:top}
      figcaption{color:#555;font-size:.9em;max-width:800px}.figtitle{font-weight:600;margin-bottom:4px}
      img.chart{max-width:100%;border:1px solid #ddd;background:#fff}
      img.pixel{image-rendering:crisp-edges;image-rendering:pixelated;max-width:100%;height:auto}
      table{border-collapse:collapse;font-size:.9em;background:#fff}
      th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f3f3f3}table.kv table{font-size:1em}
      td{font-variant-numeric:tabular-nums}.scroll{overflow-x:auto}
      .note{color:#555;font-size:.9em;font-style:italic}.none{color:#888}
      details summary{cursor:pointer;font-weight:600}
      """;
}
