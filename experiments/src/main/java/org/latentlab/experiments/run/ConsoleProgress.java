package org.latentlab.experiments.run;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.latentlab.api.spi.Progress;

/**
 * Progress as a console bar with ETA and the latest status (e.g. losses). On a terminal it redraws
 * in place; otherwise (logs, CI) it prints a line every few seconds.
 */
public final class ConsoleProgress implements Progress {
  private final PrintStream out;
  private final boolean interactive;
  private ProgressBar bar;

  /** Progress written to {@code out}. */
  public ConsoleProgress(PrintStream out) {
    this.out = out;
    this.interactive = System.console() != null;
  }

  @Override
  public void start(String name, long total) {
    finish();
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(name)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setMaxRenderedLength(120)
        .continuousUpdate();
    if (interactive) {
      builder.setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(500);
    } else {
      builder.setConsumer(new DelegatingProgressBarConsumer(out::println)).setUpdateIntervalMillis(5000);
    }
    bar = builder.build();
  }

  @Override
  public void update(long done, String status) {
    if (bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(status);
    }
  }

  @Override
  public void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
