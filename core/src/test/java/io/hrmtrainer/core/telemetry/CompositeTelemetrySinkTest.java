package io.hrmtrainer.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CompositeTelemetrySinkTest {

  @Test
  void sendsEachEventToEverySink() {
    RecordingTelemetrySink first = new RecordingTelemetrySink();
    RecordingTelemetrySink second = new RecordingTelemetrySink();
    TelemetryEvent event = TelemetryEvent.of(EventNames.EPOCH_STARTED, "run-1").with("epoch", 0);

    CompositeTelemetrySink.of(first, second).emit(event);

    assertThat(first.events()).containsExactly(event);
    assertThat(second.events()).containsExactly(event);
  }

  @Test
  void failingSinkDoesNotStopOthers() {
    RecordingTelemetrySink after = new RecordingTelemetrySink();
    TelemetrySink failing =
        event -> {
          throw new IllegalStateException("listener broke");
        };
    CompositeTelemetrySink composite = CompositeTelemetrySink.of(failing, after);

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> composite.emit(TelemetryEvent.of(EventNames.TRAINING_COMPLETE, "run-1")));

    assertThat(error.getMessage()).isEqualTo("listener broke");
    assertThat(after.names()).containsExactly("training_complete");
  }

  @Test
  void recordingSinkFiltersByName() {
    RecordingTelemetrySink sink = new RecordingTelemetrySink();
    sink.emit(TelemetryEvent.of(EventNames.CHUNK_CLAIMED, "r"));
    sink.emit(TelemetryEvent.of(EventNames.CHUNK_TRAINED, "r"));
    sink.emit(TelemetryEvent.of(EventNames.CHUNK_CLAIMED, "r"));

    assertThat(sink.eventsNamed(EventNames.CHUNK_CLAIMED)).hasSize(2);
    sink.clear();
    assertThat(sink.events()).isEmpty();
  }
}
