package io.hrmtrainer.cli;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.trainergpu.run.StepProgress;
import io.hrmtrainer.trainergpu.run.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws training progress on stderr: chunk, step, loss, samples per second and estimated time left.
 *
 * <p>On a terminal the bar is redrawn in place at most every {@code 250 ms}. When stderr is not a
 * terminal (a log file, CI), one line is printed per trained chunk instead, so logs stay readable.
 * Thread-safe: workers call it concurrently.
 */
final class ProgressBar implements TrainingListener {

  private static final long REDRAW_INTERVAL_NANOS = Duration.ofMillis(250).toNanos();
  private static final int BAR_WIDTH = 24;

  private final PrintWriter out;
  private final boolean interactive;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private long lastDrawNanos;
  private boolean drawn;
  private StepProgress latest;
  private boolean lineOpen;

  ProgressBar(PrintWriter out, boolean interactive, LongSupplier nanoClock) {
    this.out = out;
    this.interactive = interactive;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  /** Creates a bar on {@code err} that redraws in place only when the process has a terminal. */
  static ProgressBar on(PrintWriter err) {
    return new ProgressBar(err, System.console() != null, System::nanoTime);
  }

  @Override
  public synchronized void onStep(StepProgress progress) {
    latest = progress;
    long now = nanoClock.getAsLong();
    // Compare differences only: nanoTime values may be negative and may overflow.
    if (!interactive || (drawn && now - lastDrawNanos < REDRAW_INTERVAL_NANOS)) {
      return;
    }
    drawn = true;
    lastDrawNanos = now;
    out.print("\r" + render(progress, now) + "   ");
    out.flush();
    lineOpen = true;
  }

  @Override
  public synchronized void onChunkTrained(int workerId, ChunkPosition chunk, double meanLoss) {
    endLine();
    StepProgress progress = latest;
    String done =
        progress == null
            ? ""
            : String.format(
                Locale.ROOT,
                " (%d/%d chunks)",
                progress.chunksTrained() + 1,
                progress.chunksToTrain());
    out.printf(
        Locale.ROOT,
        "trained chunk %s on worker %d: mean loss %.4f%s%n",
        chunk,
        workerId,
        meanLoss,
        done);
    out.flush();
  }

  @Override
  public synchronized void onChunkSkipped(ChunkPosition chunk) {
    endLine();
    out.printf(
        Locale.ROOT, "skipped chunk %s: already trained (use --force-train to retrain)%n", chunk);
    out.flush();
  }

  @Override
  public synchronized void onCheckpointCommitted(String checkpointName, long globalStep) {
    endLine();
    out.printf(
        Locale.ROOT, "committed checkpoint %s at optimizer step %d%n", checkpointName, globalStep);
    out.flush();
  }

  /** Ends an open in-place line so that the next message starts on its own line. */
  synchronized void endLine() {
    if (lineOpen) {
      out.println();
      out.flush();
      lineOpen = false;
    }
  }

  String render(StepProgress progress, long nowNanos) {
    double chunkFraction = (double) progress.stepInChunk() / Math.max(1, progress.stepsInChunk());
    double runFraction =
        (progress.chunksTrained() + chunkFraction) / Math.max(1, progress.chunksToTrain());
    int filled = (int) Math.round(Math.min(1.0, runFraction) * BAR_WIDTH);
    String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    return String.format(
        Locale.ROOT,
        "[%s] %3.0f%% chunk %s %d/%d | step %d/%d | loss %.4f | %.0f samples/s | ETA %s",
        bar,
        runFraction * 100,
        progress.chunk(),
        Math.min(progress.chunksTrained() + 1, progress.chunksToTrain()),
        progress.chunksToTrain(),
        progress.stepInChunk(),
        progress.stepsInChunk(),
        progress.loss(),
        progress.samplesPerSecond(),
        formatEta(runFraction, nowNanos - startNanos));
  }

  private static String formatEta(double fraction, long elapsedNanos) {
    if (fraction <= 0.0 || fraction >= 1.0) {
      return fraction >= 1.0 ? "00:00:00" : "--:--:--";
    }
    long remainingSeconds = Math.round(elapsedNanos / 1e9 * (1.0 - fraction) / fraction);
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d",
        remainingSeconds / 3600,
        remainingSeconds / 60 % 60,
        remainingSeconds % 60);
  }
}
