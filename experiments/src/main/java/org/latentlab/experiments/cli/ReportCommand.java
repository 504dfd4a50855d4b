package org.latentlab.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentlab.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latentlab report RUN_DIR...}: rebuilds {@code report.html} from a run folder's records. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Rebuild report.html of run folders.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run folders.")
  List<Path> runs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    int code = 0;
    for (Path run : runs) {
      if (!Files.isRegularFile(run.resolve("provenance.json"))) {
        spec.commandLine().getErr().println(run + ": not a run folder (no provenance.json)");
        code = 2;
        continue;
      }
      spec.commandLine().getOut().println("report: " + ReportWriter.write(run));
    }
    return code;
  }
}
