package io.hrmtrainer.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTelemetrySinkTest {

  private static final Instant TS = Instant.parse("2026-12-04T19:30:00.125Z");

  @TempDir Path dir;

  private static TelemetryEvent trained(int chunk) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("block_id", 0);
    fields.put("chunk_id", chunk);
    fields.put("samples", 4000);
    fields.put("loss", 2.5);
    return TelemetryEvent.of(EventNames.CHUNK_TRAINED, "run-1", TS, fields).withWorker(1, "cpu");
  }

  @Test
  void lineStartsWithEventTsRunId() throws IOException {
    Path file = dir.resolve("metrics.jsonl");

    try (JsonlTelemetrySink sink = JsonlTelemetrySink.open(file)) {
      sink.emit(trained(3));
    }

    assertThat(Files.readString(file))
        .isEqualTo(
            "{\"event\":\"chunk_trained\",\"ts\":\"2026-12-04T19:30:00.125Z\",\"run_id\":\"run-1\","
                + "\"block_id\":0,\"chunk_id\":3,\"samples\":4000,\"loss\":2.5,\"worker_id\":1,"
                + "\"device\":\"cpu\"}\n");
  }

  @Test
  void createsParentDirectories() throws IOException {
    Path file = dir.resolve("logs/nested/metrics.jsonl");

    try (JsonlTelemetrySink sink = JsonlTelemetrySink.open(file)) {
      sink.emit(trained(0));
    }

    assertThat(file).exists();
  }

  @Test
  void appendsAcrossTwoSinkInstances() throws IOException {
    Path file = dir.resolve("metrics.jsonl");
    try (JsonlTelemetrySink first = JsonlTelemetrySink.open(file)) {
      first.emit(trained(0));
    }

    try (JsonlTelemetrySink second = JsonlTelemetrySink.open(file)) {
      second.emit(trained(1));
    }

    assertThat(TelemetryReader.readEvents(file)).containsExactly(trained(0), trained(1));
  }

  @Test
  void concurrentEmitsNeverInterleave() throws Exception {
    Path file = dir.resolve("metrics.jsonl");
    int threads = 8;
    int perThread = 500;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);

    try (JsonlTelemetrySink sink = JsonlTelemetrySink.open(file)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int worker = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    sink.emit(trained(i).withWorker(worker, "cpu").with("padding", "x".repeat(200)));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(threads * perThread);
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      TelemetryEvent event = TelemetryReader.parseLine(line).orElseThrow(() -> new AssertionError("interleaved line: " + line));
      seen.add(event.field("worker_id").orElseThrow() + "/" + event.field("chunk_id").orElseThrow());
    }
    assertThat(seen).hasSize(threads * perThread);
  }

  @Test
  void cutLineKeepsNextEvent() throws IOException {
    Path file = dir.resolve("metrics.jsonl");
    Files.writeString(file, "{\"event\":\"chunk_claimed\",\"ts\":\"2026-12-04T19:30:00Z\",\"run_id\":\"r\"}\n{\"event\":\"chunk_tr");

    try (JsonlTelemetrySink sink = JsonlTelemetrySink.open(file)) {
      sink.emit(trained(7));
    }

    TelemetryReader.TelemetryLog log = TelemetryReader.read(file);
    assertThat(log.events()).extracting(TelemetryEvent::name).containsExactly("chunk_claimed", "chunk_trained");
    assertThat(log.skippedLines()).containsExactly(2);
  }

  @Test
  void emitAfterCloseIsRefused() throws IOException {
    JsonlTelemetrySink sink = JsonlTelemetrySink.open(dir.resolve("metrics.jsonl"));
    sink.close();

    assertThrows(IllegalStateException.class, () -> sink.emit(trained(0)));
  }
}
