package org.latentlab.api.spi;

/** A sink for progress of long work (shown by the launcher as a bar with ETA). */
public interface Progress {
  /** Starts a task of {@code total} units called {@code name}. */
  void start(String name, long total);

  /** Sets the units done so far and an optional one-line status (e.g. the latest loss). */
  void update(long done, String status);

  /** Ends the current task. */
  void finish();

  /** A sink that ignores everything. */
  static Progress none() {
    return new Progress() {
      @Override
      public void start(String name, long total) {}

      @Override
      public void update(long done, String status) {}

      @Override
      public void finish() {}
    };
  }
}
