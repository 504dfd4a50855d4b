package org.latentlab.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.latentlab.api.spi.SweepExecutor;
import org.latentlab.api.spi.SweepJob;

/**
 * The local process pool: each trial's command runs as a child process of the launcher, at most
 * {@link SweepJob#parallelism()} at once, its output in the trial's log. A stopped launcher (Ctrl-C, kill)
 * stops its trials too, so submissions cannot be detached.
 */
final class LocalSweepExecutor implements SweepExecutor {
  private static final AtomicInteger SUBMISSIONS = new AtomicInteger();

  private final Map<String, Submission> submissions = new ConcurrentHashMap<>();

  /** The running trials of one submission, in the order of the job's trials. */
  private record Submission(ExecutorService pool, List<Future<Integer>> exits) {}

  @Override
  public String submit(SweepJob job) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, job.parallelism()));
    List<Future<Integer>> exits = new ArrayList<>();
    for (SweepJob.Trial trial : job.trials()) {
      Files.createDirectories(trial.log().toAbsolutePath().getParent());
      exits.add(pool.submit(() -> runChild(trial)));
    }
    pool.shutdown();
    String id = "local-" + ProcessHandle.current().pid() + "-" + SUBMISSIONS.incrementAndGet();
    submissions.put(id, new Submission(pool, exits));
    return id;
  }

  @Override
  public List<TrialOutcome> await(String id, SweepJob job, Consumer<TrialOutcome> progress)
      throws IOException, InterruptedException {
    Submission submission = submissions.remove(id);
    if (submission == null) {
      throw new IllegalArgumentException("no local submission '" + id + "' in this launcher (local trials end with it)");
    }
    List<TrialOutcome> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < job.trials().size(); i++) {
        int exit;
        try {
          exit = submission.exits().get(i).get();
        } catch (ExecutionException e) {
          throw new IOException("trial " + job.trials().get(i).label() + " could not be started: "
              + e.getCause().getMessage(), e.getCause());
        }
        TrialOutcome outcome = new TrialOutcome(job.trials().get(i).index(), exit == 0 ? "COMPLETED" : "FAILED", true,
            exit == 0, exit == 0 ? "" : "exit status " + exit);
        progress.accept(outcome);
        outcomes.add(outcome);
      }
    } finally {
      submission.pool().shutdownNow();
    }
    return outcomes;
  }

  private static int runChild(SweepJob.Trial trial) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(trial.command()).redirectErrorStream(true)
        .redirectOutput(trial.log().toFile()).start();
    // A stopped launcher (Ctrl-C, kill) stops its trials too instead of leaving them training unseen.
    Thread stopChild = new Thread(p::destroyForcibly, "stop " + trial.label());
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      return p.waitFor();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: nothing to undo
      }
    }
  }
}
