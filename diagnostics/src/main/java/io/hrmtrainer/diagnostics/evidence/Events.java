package io.hrmtrainer.diagnostics.evidence;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads positions and short descriptions out of telemetry events. */
public final class Events {

  /** The events a report shows as evidence; per-step detail is left out. */
  static final Set<String> RELEVANT =
      Set.of(
          EventNames.TRAINING_START_POSITION_SELECTED,
          EventNames.RESUME_DISABLED,
          EventNames.CHECKPOINT_SKIPPED,
          EventNames.CHUNK_CLAIMED,
          EventNames.CHUNK_TRAINED,
          EventNames.CHUNK_SKIPPED,
          EventNames.CHECKPOINT_COMMITTED,
          EventNames.NOTHING_TO_TRAIN,
          EventNames.WORKER_FAILED,
          EventNames.TRAINING_STOPPED,
          EventNames.TRAINING_COMPLETE);

  private static final List<String> SHOWN_FIELDS =
      List.of(
          "worker_id",
          "reason",
          "checkpoint",
          "resume",
          "force_train",
          "first_chunk",
          "chunks_to_train",
          "chunks_already_trained",
          "chunks_committed",
          "optimizer_step",
          "message");

  private Events() {}

  /** Returns the chunk of an event with {@code block_id} and {@code chunk_id}, if it has one. */
  public static Optional<ChunkPosition> position(TelemetryEvent event) {
    return position(event.fields());
  }

  /** Returns the chunk of a map with {@code block_id} and {@code chunk_id}, if it has one. */
  public static Optional<ChunkPosition> position(Map<?, ?> fields) {
    if (fields.get("block_id") instanceof Number block
        && fields.get("chunk_id") instanceof Number chunk) {
      return Optional.of(ChunkPosition.of(block.intValue(), chunk.intValue()));
    }
    return Optional.empty();
  }

  /** Returns the start position an event names in {@code start_block_id}/{@code start_chunk_id}. */
  public static Optional<ChunkPosition> startPosition(TelemetryEvent event) {
    if (event.fields().get("start_block_id") instanceof Number block
        && event.fields().get("start_chunk_id") instanceof Number chunk) {
      return Optional.of(ChunkPosition.of(block.intValue(), chunk.intValue()));
    }
    return Optional.empty();
  }

  /** Returns a nested map field such as {@code seek}, empty when absent or not a map. */
  public static Map<?, ?> mapField(TelemetryEvent event, String name) {
    return event.fields().get(name) instanceof Map<?, ?> map ? map : Map.of();
  }

  /** Returns a string field, empty when absent or null. */
  public static Optional<String> text(TelemetryEvent event, String name) {
    return event.field(name).map(Object::toString);
  }

  /** Describes an event in one line: its name, its chunk if any, and its telling fields. */
  public static String describe(TelemetryEvent event) {
    List<String> parts = new ArrayList<>();
    parts.add(event.name());
    position(event).ifPresent(position -> parts.add("chunk " + position));
    if (event.name().equals(EventNames.TRAINING_START_POSITION_SELECTED)) {
      startPosition(event).ifPresent(start -> parts.add("start " + start));
    }
    for (String field : SHOWN_FIELDS) {
      Object value = event.fields().get(field);
      if (value != null) {
        parts.add(field + "=" + value);
      }
    }
    return String.join(" ", parts);
  }
}
