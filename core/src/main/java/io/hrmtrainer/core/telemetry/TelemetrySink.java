package io.hrmtrainer.core.telemetry;

/**
 * Receives telemetry events: a JSONL file, a GUI listener, a test recorder.
 *
 * <p>Implementations are thread-safe: workers emit from their own threads.
 */
public interface TelemetrySink extends AutoCloseable {

  /**
   * Records {@code event}.
   *
   * @throws java.io.UncheckedIOException if a file-backed sink cannot write.
   * @throws IllegalStateException if the sink is closed.
   */
  void emit(TelemetryEvent event);

  /** Releases the sink's resources, after which emits are rejected. Does nothing by default. */
  @Override
  default void close() {}

  /** Returns a sink that drops every event. */
  static TelemetrySink discarding() {
    return event -> {};
  }
}
