package io.hrmtrainer.core.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hrmtrainer.core.brain.JsonFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a telemetry JSONL file back into events, for tests and diagnostics.
 *
 * <p>Lines that are not complete events (cut by a crash, or missing {@code event}, {@code ts} or
 * {@code run_id}) are skipped and their line numbers reported. Blank lines are ignored. Field
 * values come back as Jackson reads plain JSON: {@code Integer}, {@code Long}, {@code Double},
 * {@code String}, {@code Boolean}, {@code null}, {@code List} and {@code Map}.
 */
public final class TelemetryReader {

  /**
   * The events of a file and the lines that were skipped.
   *
   * @param events The events, in file order.
   * @param skippedLines The 1-based numbers of the lines that are not complete events.
   */
  public record TelemetryLog(List<TelemetryEvent> events, List<Integer> skippedLines) {

    /** Makes unmodifiable copies of the lists. */
    public TelemetryLog {
      events = List.copyOf(events);
      skippedLines = List.copyOf(skippedLines);
    }
  }

  private TelemetryReader() {}

  /**
   * Reads every complete event of {@code file}.
   *
   * @throws IOException if the file cannot be opened, for example because it does not exist.
   */
  public static List<TelemetryEvent> readEvents(Path file) throws IOException {
    return read(file).events();
  }

  /**
   * Reads {@code file}, reporting the lines that are not complete events.
   *
   * @throws IOException if the file cannot be opened or read.
   */
  public static TelemetryLog read(Path file) throws IOException {
    List<TelemetryEvent> events = new ArrayList<>();
    List<Integer> skipped = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        Optional<TelemetryEvent> event = parseLine(line);
        if (event.isPresent()) {
          events.add(event.get());
        } else {
          skipped.add(lineNumber);
        }
      }
    }
    return new TelemetryLog(events, skipped);
  }

  /** Parses one JSONL line; empty when it is not a complete event. */
  public static Optional<TelemetryEvent> parseLine(String line) {
    JsonNode node;
    try {
      node = JsonFiles.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }

    Optional<Instant> timestamp = instant(node.path("ts"));
    if (!node.path("event").isTextual() || !node.path("run_id").isTextual() || timestamp.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        TelemetryEvent.of(
            node.get("event").textValue(),
            node.get("run_id").textValue(),
            timestamp.get(),
            fieldsOf(node)));
  }

  private static Map<String, Object> fieldsOf(JsonNode node) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!TelemetryEvent.RESERVED_KEYS.contains(entry.getKey())) {
        fields.put(entry.getKey(), JsonFiles.mapper().convertValue(entry.getValue(), Object.class));
      }
    }
    return fields;
  }

  private static Optional<Instant> instant(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(node.textValue()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
