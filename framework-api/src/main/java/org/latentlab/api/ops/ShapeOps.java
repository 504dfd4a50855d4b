package org.latentlab.api.ops;

import java.util.List;
import org.latentlab.api.tensor.Tensor;

/** Shape manipulation. A {@code -1} in a target shape is inferred. */
public interface ShapeOps {
  Tensor reshape(Tensor x, int... shape);

  /** Permutes dimensions: output dimension {@code i} is input dimension {@code perm[i]}. */
  Tensor transpose(Tensor x, int... perm);

  /** Joins tensors along {@code axis}. */
  Tensor concat(List<Tensor> xs, int axis);

  /** The block starting at {@code begin} with extent {@code size} ({@code -1}: to the end). */
  Tensor slice(Tensor x, int[] begin, int[] size);

  /** Zero padding: {@code before[i]} and {@code after[i]} values added on each side of dimension i. */
  Tensor pad(Tensor x, int[] before, int[] after);

  /** One-hot rows {@code [n, depth]} from class indices {@code [n]} (held as floats); no gradient. */
  Tensor oneHot(Tensor indices, int depth);

  /** Keeps the first dimension and flattens the rest. */
  default Tensor flatten(Tensor x) {
    int[] s = x.shape();
    int features = 1;
    for (int i = 1; i < s.length; i++) {
      features *= s[i];
    }
    return reshape(x, -1, features);
  }
}
