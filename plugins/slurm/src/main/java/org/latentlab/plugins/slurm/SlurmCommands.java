package org.latentlab.plugins.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Slurm's client commands ({@code sbatch}, {@code squeue}, {@code scontrol}) found on the {@code PATH}. */
class SlurmCommands {
  /** What a command printed and how it exited. */
  record Result(int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }
  }

  /** Runs {@code command}, failing clearly when the program is not installed. */
  Result run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new IOException("cannot run '" + command.get(0) + "' (" + e.getMessage() + "): the slurm executor needs"
          + " Slurm's client commands on the PATH of the machine that runs latentlab", e);
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("'" + String.join(" ", command) + "' did not answer within 120 s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim(),
        new String(err, StandardCharsets.UTF_8).trim());
  }
}
