package io.hrmtrainer.core.dataset;

/**
 * Receives the progress of a manifest build, so that a command line or a window can show it.
 *
 * <p>Called on the building thread after each buffer is read, in increasing order of {@code
 * bytesRead}, and once more with {@code bytesRead == totalBytes} when the read is complete. A GUI
 * hands the values over to its own thread.
 */
@FunctionalInterface
public interface BuildProgress {

  /** A listener that ignores progress. */
  BuildProgress NONE = (bytesRead, totalBytes) -> {};

  /**
   * Reports how much of the file has been read.
   *
   * @param bytesRead The number of bytes read so far.
   * @param totalBytes The size of the file in bytes.
   */
  void onProgress(long bytesRead, long totalBytes);
}
