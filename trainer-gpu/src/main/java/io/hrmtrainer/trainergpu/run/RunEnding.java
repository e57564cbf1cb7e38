package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.tracker.plan.RunPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Ends a run: the last commit, the end event, the run record in {@code brain.json}, and the {@link
 * RunOutcome}.
 *
 * <p>After a worker failure nothing is committed: the failing replica contains part of a chunk that
 * the ledger does not record, so the newest checkpoint stays the last consistent state.
 */
final class RunEnding {

  private final RunContext context;
  private final CheckpointCommitter committer;
  private final BrainRecords records;

  RunEnding(RunContext context, CheckpointCommitter committer, BrainRecords records) {
    this.context = context;
    this.committer = committer;
    this.records = records;
  }

  /** Commits what is left, emits the end event and returns the outcome. */
  RunOutcome finish(List<ModelReplica> replicas) throws IOException {
    RunContext.WorkerFailure failure = context.failure();
    if (failure != null) {
      return failed(failure);
    }
    if (context.chunksSinceCommit() > 0) {
      committer.commit(replicas);
    }
    StopSignal stop = context.stop;
    boolean stopped = stop.isStopRequested();
    String name = stopped ? EventNames.TRAINING_STOPPED : EventNames.TRAINING_COMPLETE;
    String reason = stopped ? stop.reason() : completionReason();
    context.telemetry.emit(name, totals(reason));
    if (stopped) {
      reason += abandonedNote() + uncommittedNote();
    }
    records.recordRunEnd(stopped ? "stopped" : "completed");
    RunOutcome.Status status = stopped ? RunOutcome.Status.STOPPED : RunOutcome.Status.COMPLETED;
    return outcome(status, reason);
  }

  /** Returns the outcome of a run whose plan found nothing to train; nothing was built. */
  static RunOutcome nothingToTrain(
      String runId, RunPlan plan, Optional<String> checkpoint, long checkpointStep) {

    return new RunOutcome(
        RunOutcome.Status.NOTHING_TO_TRAIN,
        runId,
        0,
        plan.chunksAlreadyTrained(),
        checkpointStep,
        checkpoint,
        List.of(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        String.format(
            "nothing to train: all %d chunks at or after %s are already trained in epoch %d;"
                + " pass --force-train to train them again or choose an earlier start position",
            plan.chunksAlreadyTrained(), plan.start(), plan.epoch()),
        checkpoint);
  }

  private RunOutcome failed(RunContext.WorkerFailure failure) throws IOException {
    String chunk = failure.chunk() == null ? "(between chunks)" : failure.chunk().toString();
    String message =
        String.format(
            "worker %d on %s failed on chunk %s: %s; the chunk is not recorded as trained and"
                + " nothing was committed after the failure, so --resume continues from the"
                + " newest checkpoint%s and trains that chunk again",
            failure.workerId(),
            failure.device(),
            chunk,
            describe(failure.cause()),
            committer.lastCommitted().map(c -> " (" + c.name() + ")").orElse(""));
    context.telemetry.emitForWorker(
        EventNames.WORKER_FAILED,
        failure.workerId(),
        failure.device(),
        RunTelemetry.fields(
            "block_id", failure.chunk() == null ? null : failure.chunk().blockId(),
            "chunk_id", failure.chunk() == null ? null : failure.chunk().chunkId(),
            "error", failure.cause().getClass().getName(),
            "message", describe(failure.cause())));
    context.telemetry.emit(EventNames.TRAINING_STOPPED, totals(message));
    records.recordRunEnd("failed");
    return outcome(RunOutcome.Status.FAILED, message);
  }

  private String completionReason() {
    if (context.isClaimLimitReached()) {
      return "max_chunks reached";
    }
    return "all planned chunks trained";
  }

  private Map<String, Object> totals(String reason) {
    return RunTelemetry.fields(
        "reason", reason,
        "chunks_trained", context.chunksTrained(),
        "chunks_skipped", context.chunksSkipped.get(),
        "optimizer_step", context.globalStep.get(),
        "samples_trained", context.samplesThisRun.get(),
        "workers", context.workerCount(),
        "seconds", (System.nanoTime() - context.startNanos) / 1e9,
        "checkpoint", committer.lastCommitted().map(CheckpointInfo::name).orElse(null),
        "resumed_from", resumedFrom().orElse(null),
        "abandoned_chunks", abandonedChunks());
  }

  /**
   * Lists the chunks abandoned on an immediate stop: the steps taken on each, and whether a commit
   * put them in the checkpoint's weights although the ledger does not record the chunk.
   */
  private List<Map<String, Object>> abandonedChunks() {
    List<Map<String, Object>> chunks = new ArrayList<>();
    for (RunContext.AbandonedChunk chunk : context.abandonedChunks()) {
      chunks.add(
          RunTelemetry.fields(
              "worker_id", chunk.workerId(),
              "block_id", chunk.position().blockId(),
              "chunk_id", chunk.position().chunkId(),
              "epoch", chunk.epoch(),
              "steps_taken", chunk.stepsTaken(),
              "steps_in_chunk", chunk.stepsInChunk(),
              "in_committed_weights", context.isInCommittedWeights(chunk)));
    }
    return chunks;
  }

  /** Explains the abandoned chunks in words for the outcome message; empty when there are none. */
  private String abandonedNote() {
    List<String> committed = new ArrayList<>();
    List<String> uncommitted = new ArrayList<>();
    for (RunContext.AbandonedChunk chunk : context.abandonedChunks()) {
      String text =
          String.format(
              "%s after %d of %d steps",
              chunk.position(), chunk.stepsTaken(), chunk.stepsInChunk());
      (context.isInCommittedWeights(chunk) ? committed : uncommitted).add(text);
    }
    StringBuilder note = new StringBuilder();
    if (!committed.isEmpty()) {
      note.append(
          String.format(
              "; abandoned %s: the committed weights include those steps, but the ledger does not"
                  + " record the chunks, so --resume trains them again in full",
              String.join(", ", committed)));
    }
    if (!uncommitted.isEmpty()) {
      note.append(
          String.format(
              "; abandoned %s: those steps were not committed, and --resume trains the chunks in"
                  + " full",
              String.join(", ", uncommitted)));
    }
    return note.toString();
  }

  /** Names the newest checkpoint when the run committed none of its own; empty otherwise. */
  private String uncommittedNote() {
    if (committer.lastCommitted().isPresent()) {
      return "";
    }
    return resumedFrom()
        .map(name -> "; this run committed no checkpoint, so " + name + " stays the newest state")
        .orElse("; this run committed no checkpoint");
  }

  private Optional<String> resumedFrom() {
    return context.run.checkpoint().map(CheckpointInfo::name);
  }

  private RunOutcome outcome(RunOutcome.Status status, String message) {
    List<RunContext.TrainedChunk> trained = context.trainedChunks();
    return new RunOutcome(
        status,
        context.telemetry.runId(),
        trained.size(),
        context.chunksSkipped.get(),
        context.globalStep.get(),
        committer.lastCommitted().map(CheckpointInfo::name).or(this::resumedFrom),
        trained.stream().map(RunContext.TrainedChunk::position).toList(),
        trained.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(trained.get(0).meanLoss()),
        trained.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(trained.get(trained.size() - 1).meanLoss()),
        message,
        resumedFrom());
  }

  private static String describe(Throwable cause) {
    String text = cause.getMessage();
    return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
  }
}
