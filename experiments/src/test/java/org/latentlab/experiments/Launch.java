package org.latentlab.experiments;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the launcher's command line in-process and captures its exit code and streams. */
record Launch(int code, String out, String err) {

  /** {@code latentlab args...}. */
  static Launch of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Launch(code, out.toString(), err.toString());
  }
}
