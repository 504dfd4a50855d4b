package org.latentlab.experiments;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Slurm cluster for tests: munged, slurmctld and slurmd of Debian's {@code slurm-wlm} and
 * {@code munge} packages, started on free ports with a configuration generated into {@code folder} (the
 * path the tests' {@code SLURM_CONF} names, so {@code sbatch} and friends find it) and stopped again.
 */
final class LocalSlurm implements AutoCloseable {
  private static final List<String> PROGRAMS = List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol",
      "scancel", "sinfo");

  private final Path folder;
  private final List<Process> daemons = new ArrayList<>();

  private LocalSlurm(Path folder) {
    this.folder = folder;
  }

  /** The programs the cluster needs that are not on the PATH; empty when it can start. */
  static List<String> missingPrograms() {
    List<String> missing = new ArrayList<>();
    for (String p : PROGRAMS) {
      if (which(p) == null) {
        missing.add(p);
      }
    }
    return missing;
  }

  /** Starts a cluster whose configuration is {@code conf} (the tests' SLURM_CONF); waits until its node is idle. */
  static LocalSlurm start(Path conf) throws IOException, InterruptedException {
    Path folder = conf.toAbsolutePath().getParent();
    deleteRecursively(folder);
    LocalSlurm slurm = new LocalSlurm(folder);
    try {
      slurm.startDaemons(conf);
      return slurm;
    } catch (IOException | InterruptedException | RuntimeException e) {
      slurm.close();
      throw e;
    }
  }

  private void startDaemons(Path conf) throws IOException, InterruptedException {
    Path munge = Files.createDirectories(folder.resolve("munge"));
    Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwx------"));
    Path key = munge.resolve("munge.key");
    byte[] bytes = new byte[1024];
    new SecureRandom().nextBytes(bytes);
    Files.write(key, bytes);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path socket = munge.resolve("munge.socket");
    daemons.add(start(List.of(which("munged"), "--foreground", "--force", "--key-file=" + key, "--socket=" + socket,
        "--pid-file=" + munge.resolve("munged.pid"), "--log-file=" + munge.resolve("munged.log"),
        "--seed-file=" + munge.resolve("munged.seed")), "munged"));
    waitFor(() -> Files.exists(socket), "munged's socket " + socket);
    String host = InetAddress.getLocalHost().getHostName().split("\\.")[0];
    String user = System.getProperty("user.name");
    Files.createDirectories(folder.resolve("state"));
    Files.createDirectories(folder.resolve("spool"));
    Files.writeString(conf, String.join("\n",
        "ClusterName=latentlab-test",
        "SlurmctldHost=" + host,
        "SlurmUser=" + user,
        "SlurmdUser=" + user,
        "AuthType=auth/munge",
        "CredType=cred/munge",
        "AuthInfo=socket=" + socket,
        "StateSaveLocation=" + folder.resolve("state"),
        "SlurmdSpoolDir=" + folder.resolve("spool"),
        "SlurmctldPidFile=" + folder.resolve("slurmctld.pid"),
        "SlurmdPidFile=" + folder.resolve("slurmd.pid"),
        "SlurmctldLogFile=" + folder.resolve("slurmctld.log"),
        "SlurmdLogFile=" + folder.resolve("slurmd.log"),
        "SlurmctldPort=" + freePort(),
        "SlurmdPort=" + freePort(),
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core",
        "ReturnToService=2",
        "JobAcctGatherType=jobacct_gather/none",
        "AccountingStorageType=accounting_storage/none",
        "MpiDefault=none",
        "MinJobAge=3600",
        "NodeName=" + host + " CPUs=" + Runtime.getRuntime().availableProcessors() + " RealMemory=1000 State=UNKNOWN",
        "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP", ""));
    daemons.add(start(List.of(which("slurmctld"), "-D", "-f", conf.toString()), "slurmctld"));
    daemons.add(start(List.of(which("slurmd"), "-D", "-f", conf.toString()), "slurmd"));
    waitFor(() -> run("sinfo", "-h", "-o", "%t").contains("idle"), "the Slurm node to be idle (logs in " + folder + ")");
  }

  private Process start(List<String> command, String name) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve(name + ".out").toFile())
        .start();
  }

  /** Runs a Slurm client command and returns what it printed (empty when it failed). */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.trim() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  private static void waitFor(Condition condition, String what) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IOException("timed out after 60 s waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String which(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      for (String d : List.of(dir, "/usr/sbin", "/sbin")) {
        Path p = Path.of(d, program);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Stops the daemons (slurmd, slurmctld, munged, in that order). */
  @Override
  public void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Process p = daemons.get(i);
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
