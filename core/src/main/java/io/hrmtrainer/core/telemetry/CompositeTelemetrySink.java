package io.hrmtrainer.core.telemetry;

import java.util.Arrays;
import java.util.List;

/**
 * Sends each event to several sinks in order, for example the JSONL file and a GUI listener.
 *
 * <p>If one sink fails, the others still receive the event, and the first failure is thrown
 * afterwards with the later ones suppressed. Thread-safe when the sinks are.
 */
public final class CompositeTelemetrySink implements TelemetrySink {

  private final List<TelemetrySink> sinks;

  private CompositeTelemetrySink(List<TelemetrySink> sinks) {
    this.sinks = sinks;
  }

  /** Returns a sink that fans out to {@code sinks}, in this order. */
  public static CompositeTelemetrySink of(TelemetrySink... sinks) {
    return new CompositeTelemetrySink(List.copyOf(Arrays.asList(sinks)));
  }

  /** Returns a sink that fans out to {@code sinks}, in their iteration order. */
  public static CompositeTelemetrySink of(Iterable<? extends TelemetrySink> sinks) {
    java.util.ArrayList<TelemetrySink> copy = new java.util.ArrayList<>();
    sinks.forEach(copy::add);
    return new CompositeTelemetrySink(List.copyOf(copy));
  }

  /** Returns the sinks, in order. */
  public List<TelemetrySink> sinks() {
    return sinks;
  }

  @Override
  public void emit(TelemetryEvent event) {
    forEachSink(sink -> sink.emit(event));
  }

  /** Closes every sink, even when one fails to close. */
  @Override
  public void close() {
    forEachSink(TelemetrySink::close);
  }

  private void forEachSink(java.util.function.Consumer<TelemetrySink> action) {
    RuntimeException failure = null;
    for (TelemetrySink sink : sinks) {
      try {
        action.accept(sink);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
