package io.hrmtrainer.diagnostics.evidence;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The traces one training run left behind: its outcome or the exception it threw, the telemetry
 * events it appended to the brain's {@code metrics.jsonl}, and the brain's committed ledger.
 *
 * <p>Immutable.
 *
 * @param outcome How the run ended, or empty when it threw.
 * @param error The exception the run threw, or empty when it returned an outcome.
 * @param events The events the run appended, in file order.
 * @param ledger The brain's committed ledger after the run, or empty when the brain has none.
 */
public record RunEvidence(
    Optional<RunOutcome> outcome,
    Optional<Exception> error,
    List<TelemetryEvent> events,
    Optional<LedgerState> ledger) {

  /** Checks the components and copies the events. */
  public RunEvidence {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(ledger, "ledger");
    events = List.copyOf(events);
  }

  /** Returns the events named {@code name}, in order. */
  public List<TelemetryEvent> events(String name) {
    return events.stream().filter(event -> event.name().equals(name)).toList();
  }

  /** Returns the {@code training_start_position_selected} event, if the run emitted one. */
  public Optional<TelemetryEvent> startEvent() {
    return events(EventNames.TRAINING_START_POSITION_SELECTED).stream().findFirst();
  }

  /** Returns the chunks of the {@code chunk_claimed} events, in claim order. */
  public List<ChunkPosition> claims() {
    return positions(EventNames.CHUNK_CLAIMED);
  }

  /** Returns the chunks of the {@code chunk_trained} events, in completion order. */
  public List<ChunkPosition> trained() {
    return positions(EventNames.CHUNK_TRAINED);
  }

  /** Returns the chunks of the {@code chunk_skipped} events, in order. */
  public List<ChunkPosition> skipped() {
    return positions(EventNames.CHUNK_SKIPPED);
  }

  /** Returns the chunks of the events named {@code name} that carry a position. */
  public List<ChunkPosition> positions(String name) {
    return events(name).stream().flatMap(event -> Events.position(event).stream()).toList();
  }

  /** Returns whether the run ended with {@code status}. */
  public boolean endedWith(RunOutcome.Status status) {
    return outcome.map(RunOutcome::status).filter(status::equals).isPresent();
  }

  /** Returns the positions the ledger records as trained in its current epoch, in record order. */
  public List<ChunkPosition> ledgerTrained() {
    return ledger.map(
            state -> state.completedInCurrentEpoch().stream().map(CompletedChunk::position).toList())
        .orElse(List.of());
  }

  /** Describes how the run ended, for example {@code completed: chunks trained 2, skipped 1, ...}. */
  public String describeEnd() {
    if (error.isPresent()) {
      Exception e = error.get();
      return String.format("threw %s: %s", e.getClass().getSimpleName(), e.getMessage());
    }
    if (outcome.isEmpty()) {
      return "neither an outcome nor an error";
    }
    RunOutcome value = outcome.get();
    return String.format(
        "%s: chunks trained %d, skipped %d, optimizer step %d, last checkpoint %s",
        value.status().name().toLowerCase(Locale.ROOT),
        value.chunksTrained(),
        value.chunksSkipped(),
        value.globalStep(),
        value.lastCheckpoint().orElse("none"));
  }

  /** Returns one line per event that bears on the start-position contract, for a report. */
  public List<String> describeEvents() {
    return events.stream()
        .filter(event -> Events.RELEVANT.contains(event.name()))
        .map(Events::describe)
        .toList();
  }
}
