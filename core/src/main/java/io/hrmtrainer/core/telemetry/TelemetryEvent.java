package io.hrmtrainer.core.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One telemetry event: a name from {@link EventNames}, a timestamp, the run id and ordered fields.
 *
 * <p>Written as one JSON line: {@code event}, {@code ts} and {@code run_id} first, then the fields
 * in insertion order. Field values are JSON-friendly: strings, numbers, booleans, null, lists and
 * maps of those. Instances are immutable; {@link #with(String, Object)} returns a copy.
 */
public final class TelemetryEvent {

  /** The names the JSON line uses for the name, timestamp and run id; fields cannot use them. */
  public static final Set<String> RESERVED_KEYS = Set.of("event", "ts", "run_id");

  /** The field that names a worker. */
  public static final String WORKER_ID = "worker_id";

  /** The field that names a worker's device. */
  public static final String DEVICE = "device";

  private final String name;
  private final Instant timestamp;
  private final String runId;
  private final Map<String, Object> fields;

  private TelemetryEvent(String name, Instant timestamp, String runId, Map<String, Object> fields) {
    this.name = name;
    this.timestamp = timestamp;
    this.runId = runId;
    this.fields = fields;
  }

  /** Returns an event named {@code name} of run {@code runId}, stamped now, with no fields. */
  public static TelemetryEvent of(String name, String runId) {
    return of(name, runId, Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS), Map.of());
  }

  /**
   * Returns an event with the given name, run id, time and fields (copied in their iteration order).
   *
   * @throws IllegalArgumentException if a field key is blank or one of {@link #RESERVED_KEYS}.
   */
  public static TelemetryEvent of(
      String name, String runId, Instant timestamp, Map<String, ?> fields) {

    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(timestamp, "timestamp");
    if (name.isBlank()) {
      throw new IllegalArgumentException("event name is blank; use a name from EventNames");
    }

    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    fields.forEach((key, value) -> copy.put(checkKey(key), value));
    return new TelemetryEvent(name, timestamp, runId, Collections.unmodifiableMap(copy));
  }

  /** Returns the event name. */
  public String name() {
    return name;
  }

  /** Returns when the event happened. */
  public Instant timestamp() {
    return timestamp;
  }

  /** Returns the run id. */
  public String runId() {
    return runId;
  }

  /** Returns the fields in insertion order, unmodifiable. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** Returns the value of field {@code key}, empty when absent or null. */
  public Optional<Object> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /**
   * Returns a copy with field {@code key} set to {@code value}; an existing key keeps its place.
   *
   * @throws IllegalArgumentException if {@code key} is blank or one of {@link #RESERVED_KEYS}.
   */
  public TelemetryEvent with(String key, Object value) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(fields);
    copy.put(checkKey(key), value);
    return new TelemetryEvent(name, timestamp, runId, Collections.unmodifiableMap(copy));
  }

  /** Returns a copy with all of {@code more} added, in their iteration order. */
  public TelemetryEvent withFields(Map<String, ?> more) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(fields);
    more.forEach((key, value) -> copy.put(checkKey(key), value));
    return new TelemetryEvent(name, timestamp, runId, Collections.unmodifiableMap(copy));
  }

  /** Returns a copy carrying {@code worker_id} and {@code device}, as worker events do. */
  public TelemetryEvent withWorker(int workerId, String device) {
    return with(WORKER_ID, workerId).with(DEVICE, Objects.requireNonNull(device, "device"));
  }

  /** Returns a copy stamped with {@code newTimestamp}. */
  public TelemetryEvent withTimestamp(Instant newTimestamp) {
    return new TelemetryEvent(name, Objects.requireNonNull(newTimestamp), runId, fields);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof TelemetryEvent)) {
      return false;
    }
    TelemetryEvent that = (TelemetryEvent) other;
    return name.equals(that.name)
        && timestamp.equals(that.timestamp)
        && runId.equals(that.runId)
        && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, timestamp, runId, fields);
  }

  @Override
  public String toString() {
    return String.format("%s %s run=%s %s", timestamp, name, runId, fields);
  }

  private static String checkKey(String key) {
    if (key == null || key.isBlank() || RESERVED_KEYS.contains(key)) {
      throw new IllegalArgumentException(
          String.format(
              "telemetry field name \"%s\" is not allowed: it must be non-blank and not one of %s",
              key, RESERVED_KEYS));
    }
    return key;
  }
}
