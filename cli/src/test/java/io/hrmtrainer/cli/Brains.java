package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.core.telemetry.TelemetryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers that copy, fingerprint and read brain directories. */
final class Brains {

  private Brains() {}

  /** Copies the brain {@code source} to {@code target}, which must not exist yet. */
  static Path copy(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Files.copy(path, target.resolve(source.relativize(path).toString()));
      }
    }
    return target;
  }

  /**
   * Returns every file and directory under {@code root} with a SHA-256 of each file's content, so
   * that two snapshots are equal exactly when nothing was added, removed or changed.
   */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        String name = root.relativize(path).toString();
        entries.put(name, Files.isDirectory(path) ? "directory" : sha256(path));
      }
    }
    return entries;
  }

  /**
   * Returns the events of {@code saveDir}'s {@code metrics.jsonl}, asserting it has no broken line.
   */
  static List<TelemetryEvent> events(Path saveDir) throws IOException {
    TelemetryReader.TelemetryLog log =
        TelemetryReader.read(saveDir.resolve(BrainLayout.METRICS_JSONL));
    assertThat(log.skippedLines()).as("broken lines in metrics.jsonl").isEmpty();
    return log.events();
  }

  /** Returns the events of the newest run in {@code saveDir}'s {@code metrics.jsonl}. */
  static List<TelemetryEvent> lastRunEvents(Path saveDir) throws IOException {
    List<TelemetryEvent> events = events(saveDir);
    assertThat(events).as("events in metrics.jsonl").isNotEmpty();
    String lastRun = events.get(events.size() - 1).runId();
    return events.stream().filter(event -> event.runId().equals(lastRun)).toList();
  }

  /** Returns the events named {@code name}, in file order. */
  static List<TelemetryEvent> named(List<TelemetryEvent> events, String name) {
    return events.stream().filter(event -> event.name().equals(name)).toList();
  }

  /** Returns the single event named {@code name}, failing if there is none or more than one. */
  static TelemetryEvent single(List<TelemetryEvent> events, String name) {
    List<TelemetryEvent> matching = named(events, name);
    assertThat(matching).as("events named %s", name).hasSize(1);
    return matching.get(0);
  }

  /** Returns the chunk position named by an event's {@code block_id} and {@code chunk_id}. */
  static ChunkPosition positionOf(TelemetryEvent event) {
    return ChunkPosition.of(
        ((Number) event.field("block_id").orElseThrow()).intValue(),
        ((Number) event.field("chunk_id").orElseThrow()).intValue());
  }

  /** Returns the positions of the events named {@code name}, in file order. */
  static List<ChunkPosition> positions(List<TelemetryEvent> events, String name) {
    return named(events, name).stream().map(Brains::positionOf).toList();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
