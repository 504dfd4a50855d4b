package org.latentlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the running process: when its JVM started and its peak resident memory. */
final class ProcessStats {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessStats() {}

  /** The JVM's start, in milliseconds since the epoch. */
  static long jvmStartMillis() {
    return ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  /**
   * Peak resident set size in MiB ({@code VmHWM} of {@code /proc/self/status}: native engine memory
   * included), or NaN where the system has no such file.
   */
  static double peakRssMiB() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring("VmHWM:".length()).replace("kB", "").trim();
          return Long.parseLong(kb) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
