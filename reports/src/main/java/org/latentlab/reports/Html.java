package org.latentlab.reports;

import java.util.Base64;
import java.util.Locale;

/** Small HTML helpers: escaping, number formatting and inline images. */
final class Html {

  /** Pixel images narrower than this are shown enlarged. */
  static final int MIN_PIXEL_WIDTH = 320;
  /** The largest enlargement of a pixel image. */
  static final int MAX_PIXEL_ZOOM = 8;

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

  /**
   * A number with four decimals, or in scientific notation when that would hide it (non-zero below
   * 0.001 in magnitude, or 10^6 and above); non-finite values as Java writes them.
   */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    double magnitude = Math.abs(v);
    if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** An {@code <img>} tag showing PNG bytes as a data URI. */
  static String img(byte[] png, String alt, String cssClass) {
    return "<img class=\"" + esc(cssClass) + "\" alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png) + "\">";
  }

  /**
   * An {@code <img>} for a pixel image (an image grid): drawn without smoothing, and shown at a
   * whole-number multiple of its size when it is narrower than {@link #MIN_PIXEL_WIDTH}, so small grids
   * stay readable and every source pixel covers the same number of screen pixels.
   */
  static String pixelImg(byte[] png, String alt) {
    String tag = img(png, alt, "pixel");
    int width = pngWidth(png);
    if (width <= 0) {
      return tag;
    }
    int zoom = Math.max(1, Math.min(MAX_PIXEL_ZOOM, MIN_PIXEL_WIDTH / width));
    return tag.substring(0, tag.length() - 1) + " width=\"" + zoom * width + "\">";
  }

  /** The width from a PNG's header, or -1 when the bytes are not a PNG. */
  static int pngWidth(byte[] png) {
    boolean header = png.length >= 24 && (png[0] & 0xff) == 0x89 && png[1] == 'P' && png[2] == 'N'
        && png[3] == 'G' && png[12] == 'I' && png[13] == 'H' && png[14] == 'D' && png[15] == 'R';
    if (!header) {
      return -1;
    }
    return (png[16] & 0xff) << 24 | (png[17] & 0xff) << 16 | (png[18] & 0xff) << 8 | (png[19] & 0xff);
  }
}
