package io.hrmtrainer.core.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps every event in memory, for tests of the modules that emit telemetry. Thread-safe.
 */
public final class RecordingTelemetrySink implements TelemetrySink {

  private final List<TelemetryEvent> events = new ArrayList<>();

  @Override
  public synchronized void emit(TelemetryEvent event) {
    events.add(event);
  }

  /** Returns a snapshot of the events received, in order. */
  public synchronized List<TelemetryEvent> events() {
    return List.copyOf(events);
  }

  /** Returns a snapshot of the events named {@code name}, in order. */
  public synchronized List<TelemetryEvent> eventsNamed(String name) {
    return events.stream().filter(event -> event.name().equals(name)).collect(Collectors.toUnmodifiableList());
  }

  /** Returns the names of the events received, in order. */
  public synchronized List<String> names() {
    return events.stream().map(TelemetryEvent::name).collect(Collectors.toUnmodifiableList());
  }

  /** Forgets every event received so far. */
  public synchronized void clear() {
    events.clear();
  }
}
