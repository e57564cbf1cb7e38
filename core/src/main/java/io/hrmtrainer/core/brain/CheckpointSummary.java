package io.hrmtrainer.core.brain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The progress counters of one checkpoint, read from its {@code trainer_state.json} for checkpoint
 * lists.
 *
 * <p>Every value is optional: a key absent from the file, or of the wrong type, is empty.
 *
 * @param globalStep The global optimizer step ({@code global_step}).
 * @param epoch The epoch ({@code epoch}).
 * @param chunksCommitted The chunks committed so far ({@code chunks_committed}).
 * @param samplesTrained The samples trained so far ({@code samples_trained}).
 * @param createdAt When the trainer state was written ({@code created_at}).
 */
public record CheckpointSummary(
    OptionalLong globalStep,
    OptionalInt epoch,
    OptionalLong chunksCommitted,
    OptionalLong samplesTrained,
    Optional<Instant> createdAt) {

  /** The file the summary is read from. */
  public static final String TRAINER_STATE_FILE = "trainer_state.json";

  /** Returns a summary with no values. */
  public static CheckpointSummary empty() {
    return new CheckpointSummary(
        OptionalLong.empty(),
        OptionalInt.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /** Returns the summary contained in a parsed {@code trainer_state.json}. */
  public static CheckpointSummary fromTrainerState(JsonNode state) {
    return new CheckpointSummary(
        longValue(state, "global_step"),
        intValue(state, "epoch"),
        longValue(state, "chunks_committed"),
        longValue(state, "samples_trained"),
        instantValue(state, "created_at"));
  }

  private static OptionalLong longValue(JsonNode state, String key) {
    JsonNode node = state.path(key);
    return node.canConvertToLong() && node.isIntegralNumber()
        ? OptionalLong.of(node.longValue())
        : OptionalLong.empty();
  }

  private static OptionalInt intValue(JsonNode state, String key) {
    JsonNode node = state.path(key);
    return node.isInt() ? OptionalInt.of(node.intValue()) : OptionalInt.empty();
  }

  private static Optional<Instant> instantValue(JsonNode state, String key) {
    JsonNode node = state.path(key);
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
