package io.hrmtrainer.cli;

import io.hrmtrainer.core.dataset.BuildProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Shows manifest build progress on stderr, at most once per 10 % of the file. */
final class ManifestProgress implements BuildProgress {

  private final PrintWriter err;
  private int lastTenth = -1;

  ManifestProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void onProgress(long bytesRead, long totalBytes) {
    int tenth = totalBytes == 0 ? 10 : (int) (bytesRead * 10 / totalBytes);
    if (tenth == lastTenth) {
      return;
    }
    lastTenth = tenth;
    err.printf(
        Locale.ROOT,
        "\rbuilding the dataset manifest: %3d%% of %.1f MB",
        tenth * 10,
        totalBytes / 1e6);
    err.flush();
  }

  /** Ends the progress line if one was printed. */
  void finish() {
    if (lastTenth >= 0) {
      err.println();
      err.flush();
    }
  }
}
