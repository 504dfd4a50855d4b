package org.latentlab.backend.tensorflow;

import org.tensorflow.op.Ops;
import org.tensorflow.op.core.AssignVariableOp;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * One store entry as a TensorFlow resource variable, with the ops the host uses to read it and to
 * overwrite it from a fed value. Traced functions read it with their own {@code ReadVariableOp}.
 *
 * @param name       the store entry
 * @param sharedName the resource's name in the session's resource manager
 * @param shape      its shape
 * @param handle     the variable
 * @param reader     reads the current value for the host
 * @param feed       the value the host writes
 * @param writer     assigns {@code feed} to the variable
 */
record TfVariable(String name, String sharedName, int[] shape, VarHandleOp handle, ReadVariableOp<TFloat32> reader,
    Placeholder<TFloat32> feed, AssignVariableOp writer) {

  /**
   * Adds the variable and its host read and write ops to the graph of {@code tf}. The shared name
   * must be unique in the session: variables with an empty one would all share one resource.
   */
  static TfVariable create(Ops tf, String name, int[] shape, String sharedName) {
    VarHandleOp handle = tf.varHandleOp(TFloat32.class, HostTensors.shapeOf(shape), VarHandleOp.sharedName(sharedName));
    ReadVariableOp<TFloat32> reader = tf.readVariableOp(handle, TFloat32.class);
    Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(HostTensors.shapeOf(shape)));
    AssignVariableOp writer = tf.assignVariableOp(handle, feed);
    return new TfVariable(name, sharedName, shape.clone(), handle, reader, feed, writer);
  }
}
