package io.hrmtrainer.trainergpu.run;

import ai.djl.Device;
import io.hrmtrainer.core.brain.BrainDescriptor;
import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.BrainLock;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.core.brain.LedgerArchive;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.telemetry.CompositeTelemetrySink;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.JsonlTelemetrySink;
import io.hrmtrainer.core.telemetry.TelemetrySink;
import io.hrmtrainer.tracker.ChunkTracker;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link ResolvedRun}: takes the brain's lock, builds or loads the model replicas,
 * runs one worker per device over the shared ledger, commits checkpoints, and reports the outcome.
 *
 * <p>The recipe: lock the brain, emit the start event, stop early when respect mode has nothing to
 * train, load or initialise the replicas, train epoch by epoch with commits every {@code
 * checkpoint_interval_chunks} chunks, then commit what is left and emit the end event. A worker
 * failure stops the other workers at their next chunk boundary and commits nothing more, so the
 * newest checkpoint stays the last consistent state.
 *
 * <p>One instance runs once. Not thread-safe, but {@link StopSignal} may be raised from any thread.
 */
public final class TrainingRun {

  private static final Logger LOGGER = LoggerFactory.getLogger(TrainingRun.class);

  private final ResolvedRun run;
  private final TelemetrySink extraSink;
  private final TrainingListener listener;
  private final StepHook stepHook;
  private final StopSignal stop;
  private final Clock clock;
  private final String runId;

  private TrainingRun(Builder builder) {
    this.run = builder.run;
    this.extraSink = builder.extraSink;
    this.listener = builder.listener;
    this.stepHook = builder.stepHook;
    this.stop = builder.stop;
    this.clock = builder.clock;
    this.runId = builder.runId;
  }

  /** Returns a builder for a run of {@code run}. */
  public static Builder builder(ResolvedRun run) {
    return new Builder(run);
  }

  /** Returns the id that this run's telemetry events carry. */
  public String runId() {
    return runId;
  }

  /**
   * Executes the run.
   *
   * @return How the run ended; a worker failure is reported as {@link RunOutcome.Status#FAILED}
   *     with the worker, device, chunk and cause in the message.
   * @throws io.hrmtrainer.core.brain.BrainInUseException if another run holds the brain.
   * @throws IOException if a checkpoint or the telemetry file cannot be written.
   */
  public RunOutcome execute() throws IOException {
    BrainLayout brain = run.brain();
    Files.createDirectories(brain.root());
    try (BrainLock lock = BrainLock.acquire(brain);
        JsonlTelemetrySink fileSink = JsonlTelemetrySink.open(run.config().effectiveLogFile())) {
      RunTelemetry telemetry =
          new RunTelemetry(CompositeTelemetrySink.of(fileSink, extraSink), runId);
      return executeLocked(brain, telemetry);
    }
  }

  private RunOutcome executeLocked(BrainLayout brain, RunTelemetry telemetry) throws IOException {
    List<Device> devices = DeviceAssignment.resolve(run.config());
    List<String> deviceNames = devices.stream().map(DeviceAssignment::nameOf).toList();
    run.skippedCheckpoints().forEach(telemetry::checkpointSkipped);
    run.resumeDisabledReason().ifPresent(reason -> telemetry.resumeDisabled(reason, run));
    telemetry.startPositionSelected(run, deviceNames);
    if (run.plan().isNothingToTrain()) {
      telemetry.nothingToTrain(run.plan());
      return nothingToTrainOutcome();
    }

    Optional<TrainerState> resumed = readTrainerState();
    ModelSpec spec = resumed.map(TrainerState::model).orElse(run.config().model());
    long seed = resumed.map(TrainerState::seed).orElse(run.config().seed());
    warnOnChangedSettings(resumed, spec, seed);
    prepareBrain(brain, spec);

    List<ModelReplica> replicas = new ArrayList<>();
    try {
      createReplicas(devices, spec, seed, resumed, replicas);
      return train(telemetry, replicas, deviceNames, spec, seed, resumed);
    } finally {
      replicas.forEach(ModelReplica::close);
    }
  }

  private RunOutcome train(
      RunTelemetry telemetry,
      List<ModelReplica> replicas,
      List<String> deviceNames,
      ModelSpec spec,
      long seed,
      Optional<TrainerState> resumed)
      throws IOException {

    AtomicLong skipped = new AtomicLong();
    ChunkTracker tracker = newTracker(telemetry, skipped);
    long startStep = resumed.map(TrainerState::globalStep).orElse(0L);
    RunContext context =
        new RunContext(
            run,
            tracker,
            telemetry,
            listener,
            stepHook,
            stop,
            startStep,
            run.plan().chunksToTrain(),
            skipped);
    CheckpointCommitter committer =
        new CheckpointCommitter(context, new TrainerStateFactory(run, runId, seed, spec), clock);
    if (!run.isResume() || run.epochAdvanced()) {
      emitEpoch(telemetry, EventNames.EPOCH_STARTED, tracker.currentEpoch());
    }

    while (true) {
      runWorkers(context, replicas, deviceNames, committer);
      if (context.failure() != null
          || !tracker.isEpochComplete(context.lowerBound, context.claimMode)) {
        break;
      }
      emitEpoch(telemetry, EventNames.EPOCH_COMPLETED, tracker.currentEpoch());
      if (tracker.currentEpoch() + 1 >= run.config().epochs()
          || stop.isStopRequested()
          || context.isClaimLimitReached()) {
        break;
      }
      tracker.startNextEpoch();
      emitEpoch(telemetry, EventNames.EPOCH_STARTED, tracker.currentEpoch());
    }
    return finish(context, committer, replicas);
  }

  /** Starts one worker per replica and commits whenever they have all paused for a checkpoint. */
  private void runWorkers(
      RunContext context,
      List<ModelReplica> replicas,
      List<String> deviceNames,
      CheckpointCommitter committer)
      throws IOException {

    List<Thread> threads = new ArrayList<>();
    context.gate.register(replicas.size());
    for (int id = 0; id < replicas.size(); id++) {
      ChunkWorker worker = new ChunkWorker(id, deviceNames.get(id), replicas.get(id), context);
      Thread thread = new Thread(worker, "hrm-worker-" + id);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    try {
      while (context.gate.awaitQuiet()) {
        if (context.failure() == null) {
          committer.commit(replicas);
        }
        context.gate.resume();
      }
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.requestImmediate("the coordinating thread was interrupted");
      context.gate.resume();
      throw new IOException("interrupted while waiting for the workers", e);
    }
  }

  private RunOutcome finish(
      RunContext context, CheckpointCommitter committer, List<ModelReplica> replicas)
      throws IOException {

    RunContext.WorkerFailure failure = context.failure();
    if (failure != null) {
      return failed(context, committer, failure);
    }
    if (context.chunksSinceCommit() > 0) {
      committer.commit(replicas);
    }
    boolean stopped = stop.isStopRequested();
    String name = stopped ? EventNames.TRAINING_STOPPED : EventNames.TRAINING_COMPLETE;
    String reason = stopped ? stop.reason() : completionReason(context);
    context.telemetry.emit(name, totals(context, committer, reason));
    recordRunEnd(stopped ? "stopped" : "completed");
    RunOutcome.Status status = stopped ? RunOutcome.Status.STOPPED : RunOutcome.Status.COMPLETED;
    return outcome(status, context, committer, reason);
  }

  private RunOutcome failed(
      RunContext context, CheckpointCommitter committer, RunContext.WorkerFailure failure)
      throws IOException {

    String message =
        String.format(
            "worker %d on %s failed on chunk %s: %s; the chunk is not recorded as trained and"
                + " nothing was committed after the failure, so --resume continues from the"
                + " newest checkpoint%s",
            failure.workerId(),
            failure.device(),
            failure.chunk() == null ? "(none)" : failure.chunk(),
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
    context.telemetry.emit(EventNames.TRAINING_STOPPED, totals(context, committer, message));
    recordRunEnd("failed");
    return outcome(RunOutcome.Status.FAILED, context, committer, message);
  }

  private ChunkTracker newTracker(RunTelemetry telemetry, AtomicLong skipped) {
    return ChunkTracker.builder(run.manifest())
        .optDatasetFingerprint(run.manifest().fingerprint())
        .optLedger(run.ledger())
        .optClock(clock)
        .optSkipListener(
            (position, epoch) -> {
              skipped.incrementAndGet();
              telemetry.emit(
                  EventNames.CHUNK_SKIPPED,
                  RunTelemetry.fields(
                      "block_id", position.blockId(),
                      "chunk_id", position.chunkId(),
                      "epoch", epoch,
                      "reason", "already_trained"));
              listener.onChunkSkipped(position);
            })
        .build();
  }

  private void createReplicas(
      List<Device> devices,
      ModelSpec spec,
      long seed,
      Optional<TrainerState> resumed,
      List<ModelReplica> replicas)
      throws IOException {

    for (Device device : devices) {
      replicas.add(ModelReplica.newInitialized(device, run.config(), spec, seed));
    }
    ModelReplica first = replicas.get(0);
    if (resumed.isPresent()) {
      CheckpointInfo checkpoint = run.checkpoint().orElseThrow();
      first.loadState(
          Files.readAllBytes(checkpoint.file(CheckpointCommitter.MODEL_FILE)),
          Files.readAllBytes(checkpoint.file(CheckpointCommitter.OPTIMIZER_FILE)));
      LOGGER.info("loaded weights and optimizer state from checkpoint {}", checkpoint.name());
    }
    // Every replica starts from identical weights: one initialisation (or load), copied.
    for (ModelReplica replica : replicas.subList(1, replicas.size())) {
      replica.copyStateFrom(first);
    }
  }

  private Optional<TrainerState> readTrainerState() throws IOException {
    if (run.checkpoint().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        JsonFiles.read(run.checkpoint().get().file(TrainerState.FILE_NAME), TrainerState.class));
  }

  private void warnOnChangedSettings(Optional<TrainerState> resumed, ModelSpec spec, long seed) {
    if (resumed.isEmpty()) {
      return;
    }
    if (!spec.equals(run.config().model())) {
      LOGGER.warn(
          "the checkpoint's model {} differs from the configured model {}; the checkpoint's is used",
          spec,
          run.config().model());
    }
    if (seed != run.config().seed()) {
      LOGGER.warn(
          "the checkpoint's seed {} differs from --seed {}; the checkpoint's seed is used so the"
              + " data order continues unchanged",
          seed,
          run.config().seed());
    }
  }

  /** Creates brain.json when missing, records the run, and archives the old ledger of a new run. */
  private void prepareBrain(BrainLayout brain, ModelSpec spec) throws IOException {
    Optional<BrainDescriptor> existing = BrainDescriptor.read(brain);
    BrainDescriptor descriptor =
        existing.orElseGet(
            () ->
                BrainDescriptor.newBrain(
                    JsonFiles.mapper().valueToTree(spec), "byte-level-258"));
    descriptor
        .withRun(BrainDescriptor.RunRecord.started(runId, clock.instant()))
        .write(brain);
    if (!run.isResume()) {
      Optional<java.nio.file.Path> archived =
          LedgerArchive.archive(brain, run.datasetKey(), clock.instant());
      archived.ifPresent(
          path -> LOGGER.info("new run: archived the previous ledger as {}", path.getFileName()));
    }
  }

  private void recordRunEnd(String outcome) throws IOException {
    BrainLayout brain = run.brain();
    Optional<BrainDescriptor> descriptor = BrainDescriptor.read(brain);
    if (descriptor.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    BrainDescriptor.RunRecord record =
        descriptor.get().history().stream()
            .filter(r -> r.runId().equals(runId))
            .findFirst()
            .orElse(BrainDescriptor.RunRecord.started(runId, now));
    descriptor.get().withRun(record.withEnd(now, outcome)).write(brain);
  }

  private static void emitEpoch(RunTelemetry telemetry, String event, int epoch) {
    telemetry.emit(event, RunTelemetry.fields("epoch", epoch));
  }

  private static String completionReason(RunContext context) {
    if (context.isClaimLimitReached()) {
      return "max_chunks reached";
    }
    return "all planned chunks trained";
  }

  private java.util.Map<String, Object> totals(
      RunContext context, CheckpointCommitter committer, String reason) {

    return RunTelemetry.fields(
        "reason", reason,
        "chunks_trained", context.chunksTrained(),
        "chunks_skipped", context.chunksSkipped.get(),
        "optimizer_step", context.globalStep.get(),
        "samples_trained", context.samplesThisRun.get(),
        "seconds", (System.nanoTime() - context.startNanos) / 1e9,
        "checkpoint", committer.lastCommitted().map(CheckpointInfo::name).orElse(null));
  }

  private RunOutcome outcome(
      RunOutcome.Status status, RunContext context, CheckpointCommitter committer, String message) {

    List<RunContext.TrainedChunk> trained = context.trainedChunks();
    return new RunOutcome(
        status,
        runId,
        trained.size(),
        context.chunksSkipped.get(),
        context.globalStep.get(),
        committer.lastCommitted().map(CheckpointInfo::name),
        trained.stream().map(RunContext.TrainedChunk::position).toList(),
        trained.isEmpty()
            ? java.util.OptionalDouble.empty()
            : java.util.OptionalDouble.of(trained.get(0).meanLoss()),
        trained.isEmpty()
            ? java.util.OptionalDouble.empty()
            : java.util.OptionalDouble.of(trained.get(trained.size() - 1).meanLoss()),
        message);
  }

  private RunOutcome nothingToTrainOutcome() {
    return new RunOutcome(
        RunOutcome.Status.NOTHING_TO_TRAIN,
        runId,
        0,
        run.plan().chunksAlreadyTrained(),
        0,
        Optional.empty(),
        List.of(),
        java.util.OptionalDouble.empty(),
        java.util.OptionalDouble.empty(),
        String.format(
            "nothing to train: all %d chunks at or after %s are already trained in epoch %d;"
                + " pass --force-train to train them again or choose an earlier start position",
            run.plan().chunksAlreadyTrained(), run.plan().start(), run.plan().epoch()));
  }

  private static String describe(Throwable cause) {
    String text = cause.getMessage();
    return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
  }

  /** Collects the optional parts of a run; {@link #build()} creates it. */
  public static final class Builder {

    private final ResolvedRun run;
    private TelemetrySink extraSink = TelemetrySink.discarding();
    private TrainingListener listener = TrainingListener.NONE;
    private StepHook stepHook = StepHook.NONE;
    private StopSignal stop;
    private Clock clock = Clock.systemUTC();
    private String runId = UUID.randomUUID().toString();

    private Builder(ResolvedRun run) {
      this.run = Objects.requireNonNull(run, "run");
      this.stop = new StopSignal(run.config().stopFile());
    }

    /** Adds a sink that receives every event besides the run's JSONL file (for a GUI). */
    public Builder optTelemetrySink(TelemetrySink sink) {
      this.extraSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** Sets the live progress listener; default: none. */
    public Builder optListener(TrainingListener progressListener) {
      this.listener = Objects.requireNonNull(progressListener, "progressListener");
      return this;
    }

    /**
     * Sets a hook that every worker calls before each optimizer step; default: none. A seam for
     * tests and diagnostics: the hook may throw to simulate a failing worker, or request a stop.
     */
    public Builder optStepHook(StepHook hook) {
      this.stepHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** Sets the stop signal; default: one that watches the configured stop file. */
    public Builder optStopSignal(StopSignal signal) {
      this.stop = Objects.requireNonNull(signal, "signal");
      return this;
    }

    /** Sets the clock for timestamps; default: the UTC system clock. */
    public Builder optClock(Clock timestamps) {
      this.clock = Objects.requireNonNull(timestamps, "timestamps");
      return this;
    }

    /** Sets the run id; default: a random UUID. */
    public Builder optRunId(String id) {
      this.runId = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Creates the run. */
    public TrainingRun build() {
      return new TrainingRun(this);
    }
  }
}
