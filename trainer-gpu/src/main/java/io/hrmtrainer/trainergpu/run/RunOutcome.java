package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.position.ChunkPosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The end state of a run, with its totals.
 *
 * @param status The way the run ended.
 * @param runId The run's id, as in its telemetry events.
 * @param chunksTrained The chunks trained by this run, over all workers.
 * @param chunksSkipped The chunks skipped because the ledger already had them trained.
 * @param globalStep The global optimizer step at the end of the run.
 * @param lastCheckpoint The name of the last checkpoint committed by this run; when it committed
 *     none, the checkpoint it resumed from (see {@link #committedCheckpoint()}); empty when neither
 *     exists.
 * @param trainedChunks The chunks this run trained, in completion order.
 * @param firstChunkMeanLoss The mean loss of the first chunk this run trained, in nats per token.
 * @param lastChunkMeanLoss The mean loss of the last chunk this run trained, in nats per token.
 * @param message A one-line summary for people: the stop reason, the failure, or a hint.
 * @param resumedFrom The name of the checkpoint the run resumed from; empty for a new run.
 */
public record RunOutcome(
    Status status,
    String runId,
    long chunksTrained,
    long chunksSkipped,
    long globalStep,
    Optional<String> lastCheckpoint,
    List<ChunkPosition> trainedChunks,
    OptionalDouble firstChunkMeanLoss,
    OptionalDouble lastChunkMeanLoss,
    String message,
    Optional<String> resumedFrom) {

  /** The ways a run can end. */
  public enum Status {
    /** Every planned chunk was trained and committed. */
    COMPLETED,
    /** Respect mode found no chunk to train; nothing was built or trained. */
    NOTHING_TO_TRAIN,
    /** A stop was requested; what was trained is committed. */
    STOPPED,
    /** A worker failed; the committed state is intact and the failing chunk is not recorded. */
    FAILED
  }

  /** Checks the fields and copies the list. */
  public RunOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
    Objects.requireNonNull(resumedFrom, "resumedFrom");
    trainedChunks = List.copyOf(trainedChunks);
  }

  /**
   * Creates an outcome without {@code resumedFrom}, as before that field existed: {@code
   * lastCheckpoint} then counts as committed by the run.
   */
  public RunOutcome(
      Status status,
      String runId,
      long chunksTrained,
      long chunksSkipped,
      long globalStep,
      Optional<String> lastCheckpoint,
      List<ChunkPosition> trainedChunks,
      OptionalDouble firstChunkMeanLoss,
      OptionalDouble lastChunkMeanLoss,
      String message) {
    this(
        status,
        runId,
        chunksTrained,
        chunksSkipped,
        globalStep,
        lastCheckpoint,
        trainedChunks,
        firstChunkMeanLoss,
        lastChunkMeanLoss,
        message,
        Optional.empty());
  }

  /**
   * Returns whether this run committed a checkpoint of its own; when false, {@link
   * #lastCheckpoint()} is the checkpoint the run resumed from, or empty.
   */
  public boolean committedCheckpoint() {
    return lastCheckpoint.isPresent() && !lastCheckpoint.equals(resumedFrom);
  }
}
