package org.latentlab.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker entry point of {@code latentlab bench} for the hand-written reference loops: trains the
 * quickstart model on one engine with the bench protocol and prints one JSON line (see
 * {@code Measurement#toJson}) on standard output.
 *
 * <pre>
 * ReferenceLoopMain --engine djl|tensorflow [--batch 128] [--warmup 20] [--runs 5] [--steps 30] [--threads 2]
 * </pre>
 *
 * Exit code 0 on success, 2 on bad arguments, 1 when training fails.
 */
public final class ReferenceLoopMain {
  private static final List<String> ENGINES = List.of("djl", "tensorflow");
  private static final Map<String, String> DEFAULTS =
      Map.of("--batch", "128", "--warmup", "20", "--runs", "5", "--steps", "30", "--threads", "2");

  private ReferenceLoopMain() {}

  /** Runs the worker and exits with its code. */
  public static void main(String[] args) {
    String engine;
    int threads;
    Protocol protocol;
    try {
      Map<String, String> options = parse(args);
      engine = options.get("--engine");
      threads = integer(options, "--threads");
      protocol = new Protocol(integer(options, "--batch"), integer(options, "--warmup"),
          integer(options, "--runs"), integer(options, "--steps"));
    } catch (IllegalArgumentException e) {
      System.err.println("reference loop: " + e.getMessage());
      System.err.println("usage: ReferenceLoopMain --engine djl|tensorflow [--batch N] [--warmup N] [--runs N]"
          + " [--steps N] [--threads N]");
      System.exit(2);
      return;
    }
    // The engines keep non-daemon native threads alive: every path ends the JVM explicitly.
    try (ReferenceLoop loop = open(engine, protocol.batch(), threads)) {
      Measurement m = protocol.measure(loop::step);
      System.out.println(m.toJson("reference", engine, protocol, threads));
      System.out.flush();
    } catch (RuntimeException e) {
      System.err.println("reference loop on " + engine + " failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /** A reference loop on {@code engine} ({@code djl} or {@code tensorflow}). */
  static ReferenceLoop open(String engine, int batch, int threads) {
    return switch (engine) {
      case "djl" -> new DjlReferenceLoop(batch, threads);
      case "tensorflow" -> new TfReferenceLoop(batch, threads);
      default -> throw new IllegalArgumentException("unknown engine '" + engine + "'; one of " + ENGINES);
    };
  }

  /** Options as a map with defaults filled in; fails on unknown, repeated or missing options. */
  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!name.equals("--engine") && !DEFAULTS.containsKey(name)) {
        throw new IllegalArgumentException("unknown option '" + name + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      if (options.put(name, args[i + 1]) != null) {
        throw new IllegalArgumentException("option " + name + " given twice");
      }
    }
    if (!ENGINES.contains(options.get("--engine"))) {
      throw new IllegalArgumentException("--engine must be one of " + ENGINES + " (was " + options.get("--engine") + ")");
    }
    DEFAULTS.forEach(options::putIfAbsent);
    for (String name : DEFAULTS.keySet()) {
      integer(options, name);
    }
    if (integer(options, "--threads") < 1) {
      throw new IllegalArgumentException("--threads must be >= 1 (was " + options.get("--threads") + ")");
    }
    return options;
  }

  private static int integer(Map<String, String> options, String name) {
    try {
      return Integer.parseInt(options.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer (was " + options.get(name) + ")");
    }
  }
}
