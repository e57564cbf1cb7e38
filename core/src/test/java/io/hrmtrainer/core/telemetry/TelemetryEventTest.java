package io.hrmtrainer.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryEventTest {

  private static final Instant TS = Instant.parse("2026-12-04T19:30:00Z");

  @Test
  void keepsFieldsInInsertionOrder() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("chunk_id", 4);
    fields.put("block_id", 1);

    TelemetryEvent event =
        TelemetryEvent.of(EventNames.CHUNK_CLAIMED, "run-1", TS, fields).with("lease_ms", 30000);

    assertThat(event.fields().keySet()).containsExactly("chunk_id", "block_id", "lease_ms");
  }

  @Test
  void withWorkerAddsWorkerIdAndDevice() {
    TelemetryEvent event = TelemetryEvent.of(EventNames.CHUNK_TRAINED, "run-1").withWorker(2, "cuda:1");

    assertThat(event.field("worker_id")).contains(2);
    assertThat(event.field("device")).contains("cuda:1");
  }

  @Test
  void reservedKeysCannotBeFields() {
    TelemetryEvent event = TelemetryEvent.of(EventNames.EPOCH_STARTED, "run-1");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> event.with("ts", "now"));

    assertThat(error.getMessage()).startsWith("telemetry field name \"ts\" is not allowed");
  }

  @Test
  void eventNamesCoverTheArchitectureTable() {
    assertThat(EventNames.ALL)
        .containsExactly(
            "training_start_position_selected",
            "resume_disabled",
            "checkpoint_skipped",
            "chunk_claimed",
            "chunk_trained",
            "chunk_skipped",
            "checkpoint_committed",
            "epoch_started",
            "epoch_completed",
            "nothing_to_train",
            "training_stopped",
            "training_complete",
            "worker_failed");
  }
}
