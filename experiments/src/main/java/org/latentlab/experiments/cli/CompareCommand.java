package org.latentlab.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.latentlab.reports.ComparisonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latentlab compare RUN_OR_SWEEP...}: one HTML page putting runs and sweep points side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Put runs and sweeps side by side in one self-contained HTML page: metrics (mean ± std over a"
        + " sweep point's seeds), overlaid loss curves, sample grids.")
public final class CompareCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_OR_SWEEP", arity = "1..*", description = "Run folders and sweep folders.")
  List<Path> inputs;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "compare.html",
      description = "The page to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--rank-by", paramLabel = "METRIC",
      description = "Open the page with the groups ranked by this evaluation metric's mean, e.g. linear-probe/accuracy.")
  String rankBy;

  @Option(names = "--lower-is-better", description = "With --rank-by: smaller values rank first (e.g. sample-quality/fid).")
  boolean lowerIsBetter;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      Optional<ComparisonWriter.Ranking> ranking = Optional.ofNullable(rankBy)
          .map(m -> new ComparisonWriter.Ranking(m, lowerIsBetter));
      spec.commandLine().getOut().println("comparison: " + ComparisonWriter.write(inputs, out, ranking));
      return 0;
    } catch (IOException e) {
      spec.commandLine().getErr().println("compare: " + e.getMessage());
      return 2;
    }
  }
}
