package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.diagnostics.ScenarioResult;
import io.hrmtrainer.diagnostics.evidence.Events;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks that several scenarios make, phrased the same way in every report. */
final class Expect {

  private Expect() {}

  /** Checks that {@code run} ended with {@code status}. */
  static void ended(
      ScenarioResult.Builder result, String label, RunEvidence run, RunOutcome.Status status) {

    result.check(
        label + " ends " + describe(status),
        run.endedWith(status),
        describe(status),
        run.describeEnd());
  }

  /** Checks that the start event names {@code start} as the start position. */
  static void startEventAt(
      ScenarioResult.Builder result, String label, RunEvidence run, ChunkPosition start) {

    Optional<ChunkPosition> selected = run.startEvent().flatMap(Events::startPosition);
    result.check(
        label + " selects the start position in training_start_position_selected",
        selected.filter(start::equals).isPresent(),
        "start " + start,
        selected.map(position -> "start " + position).orElse("no training_start_position_selected"));
  }

  /** Checks that the first {@code chunk_claimed} is {@code first}. */
  static void firstClaimAt(
      ScenarioResult.Builder result, String label, RunEvidence run, ChunkPosition first) {

    List<ChunkPosition> claims = run.claims();
    result.check(
        label + " first claims " + first,
        !claims.isEmpty() && claims.get(0).equals(first),
        "first chunk_claimed at " + first,
        claims.isEmpty() ? "no chunk_claimed event" : "first chunk_claimed at " + claims.get(0));
  }

  /**
   * Checks that no chunk before {@code start} was claimed or trained. The offending chunks are
   * reported in position order, not event order, because parallel workers claim in an order that
   * depends on thread timing.
   */
  static void nothingBefore(
      ScenarioResult.Builder result, String label, RunEvidence run, ChunkPosition start) {

    Set<ChunkPosition> offending = new TreeSet<>();
    run.claims().stream().filter(position -> position.isBefore(start)).forEach(offending::add);
    run.trained().stream().filter(position -> position.isBefore(start)).forEach(offending::add);
    List<ChunkPosition> before = List.copyOf(offending);
    result.check(
        label + " claims and trains no chunk before " + start,
        before.isEmpty(),
        "no chunk_claimed or chunk_trained before " + start,
        before.isEmpty() ? "none before " + start : "before " + start + ": " + list(before));
  }

  /** Checks that {@code run} trained exactly {@code expected}, in any order. */
  static void trainedExactly(
      ScenarioResult.Builder result, String label, RunEvidence run, List<ChunkPosition> expected) {

    List<ChunkPosition> trained = run.trained();
    result.check(
        label + " trains " + list(expected),
        trained.size() == expected.size() && Set.copyOf(trained).equals(Set.copyOf(expected)),
        "chunk_trained for " + list(expected),
        trained.isEmpty() ? "no chunk_trained event" : "chunk_trained for " + list(trained));
  }

  /** Checks that the ledger records each chunk of {@code expected} once in its current epoch. */
  static void ledgerHolds(
      ScenarioResult.Builder result, String label, RunEvidence run, List<ChunkPosition> expected) {

    List<ChunkPosition> recorded = run.ledgerTrained();
    result.check(
        "the ledger after " + label + " records " + list(expected) + " once each",
        recorded.size() == expected.size() && Set.copyOf(recorded).equals(Set.copyOf(expected)),
        list(expected),
        run.ledger().isEmpty() ? "no committed ledger" : list(recorded));
  }

  /** Returns the chunks that appear more than once in {@code positions}. */
  static List<ChunkPosition> duplicates(List<ChunkPosition> positions) {
    Set<ChunkPosition> seen = new HashSet<>();
    Set<ChunkPosition> twice = new HashSet<>();
    for (ChunkPosition position : positions) {
      if (!seen.add(position)) {
        twice.add(position);
      }
    }
    return twice.stream().sorted().toList();
  }

  /** Returns a field of the start event as text, or {@code absent}. */
  static String startField(RunEvidence run, String field) {
    return run.startEvent().flatMap(event -> event.field(field)).map(String::valueOf).orElse("absent");
  }

  /** Returns the positions as {@code [(0, 1), (0, 2)]}, or {@code none}. */
  static String list(List<ChunkPosition> positions) {
    return positions.isEmpty() ? "none" : positions.toString();
  }

  /** Returns the events' names and chunks, for an observation. */
  static String names(List<TelemetryEvent> events) {
    return events.isEmpty()
        ? "no event"
        : String.join(", ", events.stream().map(Events::describe).toList());
  }

  private static String describe(RunOutcome.Status status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
