package io.hrmtrainer.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryReaderTest {

  @TempDir Path dir;

  @Test
  void readsFieldsAsPlainJsonValues() throws IOException {
    Path file = dir.resolve("metrics.jsonl");
    Files.writeString(
        file,
        "{\"event\":\"training_start_position_selected\",\"ts\":\"2026-12-04T19:30:00Z\","
            + "\"run_id\":\"r\",\"start_block_id\":1,\"override_active\":true,"
            + "\"first_chunk\":{\"block_id\":1,\"chunk_id\":0},\"checkpoint\":null}\n");

    List<TelemetryEvent> events = TelemetryReader.readEvents(file);

    assertThat(events).hasSize(1);
    TelemetryEvent event = events.get(0);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-04T19:30:00Z"));
    assertThat(event.fields())
        .containsEntry("start_block_id", 1)
        .containsEntry("override_active", true)
        .containsEntry("first_chunk", Map.of("block_id", 1, "chunk_id", 0))
        .containsEntry("checkpoint", null);
  }

  @Test
  void toleratesTruncatedLastLine() throws IOException {
    Path file = dir.resolve("metrics.jsonl");
    Files.writeString(
        file,
        "{\"event\":\"epoch_started\",\"ts\":\"2026-12-04T19:30:00Z\",\"run_id\":\"r\",\"epoch\":0}\n"
            + "{\"event\":\"chunk_claimed\",\"ts\":\"2026-12-04T19:30:01Z\",\"run_id\":\"r\",\"blo");

    TelemetryReader.TelemetryLog log = TelemetryReader.read(file);

    assertThat(log.events()).extracting(TelemetryEvent::name).containsExactly("epoch_started");
    assertThat(log.skippedLines()).containsExactly(2);
  }

  @Test
  void skipsLinesWithoutTheRequiredKeys() throws IOException {
    Path file = dir.resolve("metrics.jsonl");
    Files.writeString(file, "{\"event\":\"epoch_started\"}\n\n[1,2]\n");

    TelemetryReader.TelemetryLog log = TelemetryReader.read(file);

    assertThat(log.events()).isEmpty();
    assertThat(log.skippedLines()).containsExactly(1, 3);
  }
}
