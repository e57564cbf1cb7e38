package io.hrmtrainer.core.telemetry;

import java.util.List;

/**
 * The stable names of telemetry events, as written to the {@code event} field of each JSONL line.
 *
 * <p>Event names never change. A renamed field keeps its old name as an alias for one release.
 */
public final class EventNames {

  /** Once per run, before the first claim: the resolved start position and plan. */
  public static final String TRAINING_START_POSITION_SELECTED = "training_start_position_selected";

  /** Resume was requested but no valid checkpoint exists, so a new run starts. */
  public static final String RESUME_DISABLED = "resume_disabled";

  /** An invalid checkpoint was passed over while choosing one to resume from. */
  public static final String CHECKPOINT_SKIPPED = "checkpoint_skipped";

  /** A worker claimed a chunk. */
  public static final String CHUNK_CLAIMED = "chunk_claimed";

  /** A worker finished the last optimizer step of a chunk. */
  public static final String CHUNK_TRAINED = "chunk_trained";

  /** A chunk at or after the start position was skipped, for example as already trained. */
  public static final String CHUNK_SKIPPED = "chunk_skipped";

  /** A checkpoint was committed. */
  public static final String CHECKPOINT_COMMITTED = "checkpoint_committed";

  /** An epoch started. */
  public static final String EPOCH_STARTED = "epoch_started";

  /** Every chunk at or after the start position was trained in the epoch. */
  public static final String EPOCH_COMPLETED = "epoch_completed";

  /** Respect mode found no chunk left to train. */
  public static final String NOTHING_TO_TRAIN = "nothing_to_train";

  /** The run ended early: a stop request, an error or a limit. */
  public static final String TRAINING_STOPPED = "training_stopped";

  /** The run trained everything it planned. */
  public static final String TRAINING_COMPLETE = "training_complete";

  /** A worker failed; its current chunk is not recorded as trained. */
  public static final String WORKER_FAILED = "worker_failed";

  /** Every event name above, in the order of this class. */
  public static final List<String> ALL =
      List.of(
          TRAINING_START_POSITION_SELECTED,
          RESUME_DISABLED,
          CHECKPOINT_SKIPPED,
          CHUNK_CLAIMED,
          CHUNK_TRAINED,
          CHUNK_SKIPPED,
          CHECKPOINT_COMMITTED,
          EPOCH_STARTED,
          EPOCH_COMPLETED,
          NOTHING_TO_TRAIN,
          TRAINING_STOPPED,
          TRAINING_COMPLETE,
          WORKER_FAILED);

  private EventNames() {}
}
