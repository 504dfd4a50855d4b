package org.latentlab.plugins.datasets;

/**
 * Draws one white shape on a black square image, anti-aliased by 4x4 supersampling: a pixel's value is
 * the share of its 16 sample points inside the shape. Pure arithmetic with {@link StrictMath}, so the
 * same factors give the same pixels on every platform.
 *
 * <p>A shape of scale {@code s} fits in a circle of radius {@code s * 0.2 * side} around its centre;
 * the centre moves over {@code [m, side - m]} on each axis with the margin {@code m = 0.25 * side}, so
 * every shape stays clear of the outermost pixels.
 */
final class ShapeRenderer {

  /** Shape classes, in label order. */
  static final String[] SHAPES = {"square", "ellipse", "heart"};

  private static final int SAMPLES = 4;
  private static final double RADIUS = 0.2;
  private static final double MARGIN = 1.25 * RADIUS;
  private static final double HEART_SCALE = 1.28;
  private static final double HEART_SHIFT = 0.2;

  private ShapeRenderer() {}

  /**
   * Draws into {@code out} from {@code offset}: {@code side * side} values, row-major.
   *
   * @param shape    0 square, 1 ellipse, 2 heart
   * @param scale    size factor in {@code (0, 1]}
   * @param rotation angle in radians
   * @param x        horizontal position in {@code [0, 1]}, left to right
   * @param y        vertical position in {@code [0, 1]}, top to bottom
   */
  static void draw(float[] out, int offset, int side, int shape, double scale, double rotation, double x, double y) {
    double r = scale * RADIUS * side;
    double[] centre = centre(side, x, y);
    double cos = StrictMath.cos(rotation);
    double sin = StrictMath.sin(rotation);
    int x0 = Math.max(0, (int) Math.floor(centre[0] - r) - 1);
    int x1 = Math.min(side, (int) Math.ceil(centre[0] + r) + 1);
    int y0 = Math.max(0, (int) Math.floor(centre[1] - r) - 1);
    int y1 = Math.min(side, (int) Math.ceil(centre[1] + r) + 1);
    for (int row = y0; row < y1; row++) {
      for (int col = x0; col < x1; col++) {
        int inside = 0;
        for (int sy = 0; sy < SAMPLES; sy++) {
          for (int sx = 0; sx < SAMPLES; sx++) {
            double dx = (col + (sx + 0.5) / SAMPLES - centre[0]) / r;
            double dy = (row + (sy + 0.5) / SAMPLES - centre[1]) / r;
            if (inside(shape, cos * dx + sin * dy, -sin * dx + cos * dy)) {
              inside++;
            }
          }
        }
        out[offset + row * side + col] = inside / (float) (SAMPLES * SAMPLES);
      }
    }
  }

  /** The pixel coordinates {@code {column, row}} of a shape's centre at position {@code x, y}. */
  static double[] centre(int side, double x, double y) {
    double margin = MARGIN * side;
    double span = side - 2 * margin;
    return new double[] {margin + x * span, margin + y * span};
  }

  /** Whether {@code (u, v)}, in units of the shape's radius and turned with it (v down), is inside. */
  private static boolean inside(int shape, double u, double v) {
    return switch (shape) {
      case 0 -> Math.abs(u) <= 0.7 && Math.abs(v) <= 0.7;
      case 1 -> u * u + 4 * v * v <= 1;
      case 2 -> heart(HEART_SCALE * u, HEART_SHIFT - HEART_SCALE * v);
      default -> throw new IllegalArgumentException("shape " + shape + "; expected 0..2");
    };
  }

  /** The heart curve {@code (x^2 + y^2 - 1)^3 <= x^2 y^3}, point up-side down at {@code (0, -1)}. */
  private static boolean heart(double x, double y) {
    double a = x * x + y * y - 1;
    return a * a * a <= x * x * y * y * y;
  }
}
