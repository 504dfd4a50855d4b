package org.latentlab.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one DJL gradient collector a JVM may have open, taken exclusively. DJL's PyTorch engine allows a
 * single collecting {@link GradientCollector} per process, and a second one fails only after it has
 * switched gradient recording on. This guard refuses a second collector before DJL is asked, so a
 * concurrent training step (of another session, on another thread) fails with a clear message and
 * leaves the running one intact.
 */
final class ExclusiveCollector implements AutoCloseable {
  private static final AtomicReference<Thread> OWNER = new AtomicReference<>();

  private final GradientCollector collector;

  private ExclusiveCollector(GradientCollector collector) {
    this.collector = collector;
  }

  /** Opens the collector; fails clearly if one is open already (in this or another thread). */
  static ExclusiveCollector open(Engine engine) {
    Thread holder = OWNER.get();
    if (holder != null || !OWNER.compareAndSet(null, Thread.currentThread())) {
      throw new IllegalStateException("the djl backend records gradients for one training step at a time per "
          + "process (DJL allows a single gradient collector per JVM), and one is running in thread '"
          + (holder == null ? "another thread" : holder.getName()) + "': run the steps of different sessions one "
          + "after the other");
    }
    try {
      return new ExclusiveCollector(engine.newGradientCollector());
    } catch (RuntimeException e) {
      OWNER.set(null);
      // DJL switches recording on before it notices another collector (opened outside LatentLab).
      recordNothing();
      throw new IllegalStateException("a DJL gradient collector is already open in this JVM (outside LatentLab); "
          + "the djl backend cannot record gradients until it is closed", e);
    }
  }

  /** Back-propagates from the scalar {@code target} into every array that requires a gradient. */
  void backward(NDArray target) {
    collector.backward(target);
  }

  /**
   * Switches gradient recording off for the calling thread. PyTorch's switch is per thread and on by
   * default in every thread but the one that loaded the engine; work outside the collector (optimizer
   * updates, inference) must record nothing.
   */
  static void recordNothing() {
    JniUtils.setGradMode(false);
  }

  /** Closes the collector and leaves recording off in this thread. */
  @Override
  public void close() {
    try {
      collector.close();
      recordNothing();
    } finally {
      OWNER.set(null);
    }
  }
}
