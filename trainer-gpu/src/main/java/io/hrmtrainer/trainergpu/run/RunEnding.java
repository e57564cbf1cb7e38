package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.tracker.plan.RunPlan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Ends a run: the last commit, the end event, the run record in {@code brain.json}, and the {@link
 * RunOutcome}.
 *
 * <p>After a worker failure nothing is committed: the failing replica holds part of a chunk that
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
            plan.chunksAlreadyTrained(), plan.start(), plan.epoch()));
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
        "checkpoint", committer.lastCommitted().map(CheckpointInfo::name).orElse(null));
  }

  private RunOutcome outcome(RunOutcome.Status status, String message) {
    List<RunContext.TrainedChunk> trained = context.trainedChunks();
    return new RunOutcome(
        status,
        context.telemetry.runId(),
        trained.size(),
        context.chunksSkipped.get(),
        context.globalStep.get(),
        committer.lastCommitted().map(CheckpointInfo::name),
        trained.stream().map(RunContext.TrainedChunk::position).toList(),
        trained.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(trained.get(0).meanLoss()),
        trained.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(trained.get(trained.size() - 1).meanLoss()),
        message);
  }

  private static String describe(Throwable cause) {
    String text = cause.getMessage();
    return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
  }
}
