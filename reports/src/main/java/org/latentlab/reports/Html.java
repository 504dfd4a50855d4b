package org.latentlab.reports;

import java.util.Base64;
import java.util.Locale;

/** Small HTML helpers: escaping, number formatting and inline images. */
final class Html {

  private Html() {}

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** A number with four decimals; non-finite values as Java writes them. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** An {@code <img>} tag showing PNG bytes as a data URI. */
  static String img(byte[] png, String alt, String cssClass) {
    return "<img class=\"" + esc(cssClass) + "\" alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png) + "\">";
  }
}
