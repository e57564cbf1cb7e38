package io.hrmtrainer.trainergpu.run;

import ai.djl.Device;
import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.BrainLock;
import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.telemetry.CompositeTelemetrySink;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.JsonlTelemetrySink;
import io.hrmtrainer.core.telemetry.TelemetrySink;
import io.hrmtrainer.tracker.ChunkTracker;
import io.hrmtrainer.tracker.plan.RunPlan;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link ResolvedRun}: takes the brain's lock, builds or loads the model replicas,
 * runs one worker per device over the shared ledger, commits checkpoints, and reports the outcome.
 *
 * <p>The steps: check the devices, lock the brain, emit the start event, and stop early when
 * respect mode has nothing to train. Then load or initialise one replica and copy it to the
 * others, and train epoch by epoch with commits every {@code checkpoint_interval_chunks} chunks
 * ({@link WorkerPool}). Finally commit what is left and emit the end event ({@link RunEnding}).
 * A worker failure stops the
 * other workers at their next chunk boundary and commits nothing more, so the newest checkpoint
 * stays the last consistent state.
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
    // Checked before the brain directory is touched: an unknown device is invalid input.
    List<Device> devices = DeviceAssignment.resolve(run.config());
    BrainLayout brain = run.brain();
    Files.createDirectories(brain.root());
    try (BrainLock lock = BrainLock.acquire(brain);
        JsonlTelemetrySink fileSink = JsonlTelemetrySink.open(run.config().effectiveLogFile())) {
      RunTelemetry telemetry =
          new RunTelemetry(CompositeTelemetrySink.of(fileSink, extraSink), runId);
      return executeLocked(devices, telemetry);
    }
  }

  private RunOutcome executeLocked(List<Device> devices, RunTelemetry telemetry)
      throws IOException {

    List<String> deviceNames = devices.stream().map(DeviceAssignment::nameOf).toList();
    run.skippedCheckpoints().forEach(telemetry::checkpointSkipped);
    run.resumeDisabledReason().ifPresent(reason -> telemetry.resumeDisabled(reason, run));
    Optional<TrainerState> resumed = readTrainerState();
    String lineage = lineageOf(resumed);
    telemetry.startPositionSelected(run, deviceNames, lineage);
    if (run.plan().isNothingToTrain()) {
      telemetry.nothingToTrain(run.plan());
      return RunEnding.nothingToTrain(
          runId,
          run.plan(),
          run.checkpoint().map(CheckpointInfo::name),
          run.checkpoint().flatMap(c -> c.summary().globalStep().isPresent()
              ? Optional.of(c.summary().globalStep().getAsLong())
              : Optional.empty()).orElse(0L));
    }

    ModelSpec spec = resumed.map(TrainerState::model).orElse(run.config().model());
    long seed = resumed.map(TrainerState::seed).orElse(run.config().seed());
    warnOnChangedSettings(resumed, spec, seed);
    BrainRecords records = new BrainRecords(run, runId, clock);
    records.deleteAbandonedCheckpoints();
    records.prepareBrain(spec);

    try (CpuThreads threads = CpuThreads.share(devices)) {
      List<ModelReplica> replicas =
          Replicas.create(devices, run.config(), spec, seed, run.checkpoint());
      try {
        TrainerStateFactory states = new TrainerStateFactory(run, runId, seed, spec, lineage);
        return train(telemetry, replicas, deviceNames, states, resumed, records);
      } finally {
        replicas.forEach(ModelReplica::close);
      }
    }
  }

  private RunOutcome train(
      RunTelemetry telemetry,
      List<ModelReplica> replicas,
      List<String> deviceNames,
      TrainerStateFactory states,
      Optional<TrainerState> resumed,
      BrainRecords records)
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
            new RunContext.Counters(
                states.seed(), startStep, plannedChunks(run.plan(), run.config()), skipped),
            replicas.size());
    CheckpointCommitter committer = new CheckpointCommitter(context, states, clock);
    WorkerPool pool = new WorkerPool(context, replicas, deviceNames, committer);
    if (!run.isResume() || run.epochAdvanced()) {
      emitEpoch(telemetry, EventNames.EPOCH_STARTED, tracker.currentEpoch());
    }

    while (true) {
      pool.runEpoch();
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
    return new RunEnding(context, committer, records).finish(replicas);
  }

  private ChunkTracker newTracker(RunTelemetry telemetry, AtomicLong skipped) {
    return ChunkTracker.builder(run.manifest())
        .optDatasetFingerprint(run.manifest().fingerprint())
        .optLedger(run.ledger())
        .optClock(clock)
        .optSkipListener(
            (position, epoch) -> {
              skipped.incrementAndGet();
              // The tracker calls this on the thread of the worker whose claim passed the chunk.
              RunContext.WorkerIdentity worker = RunContext.currentWorker();
              Map<String, Object> fields =
                  RunTelemetry.fields(
                      "block_id", position.blockId(),
                      "chunk_id", position.chunkId(),
                      "epoch", epoch,
                      "reason", "already_trained");
              if (worker == null) {
                telemetry.emit(EventNames.CHUNK_SKIPPED, fields);
              } else {
                telemetry.emitForWorker(
                    EventNames.CHUNK_SKIPPED, worker.workerId(), worker.device(), fields);
              }
              listener.onChunkSkipped(position);
            })
        .build();
  }

  private Optional<TrainerState> readTrainerState() throws IOException {
    if (run.checkpoint().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        JsonFiles.read(run.checkpoint().get().file(TrainerState.FILE_NAME), TrainerState.class));
  }

  /**
   * Returns the lineage of the run's checkpoints. A new run starts one named after its run id. A
   * resumed run continues its checkpoint's lineage, or, when the checkpoint predates lineages, one
   * named after the run that wrote it.
   */
  private String lineageOf(Optional<TrainerState> resumed) {
    if (resumed.isEmpty()) {
      return runId;
    }
    TrainerState state = resumed.get();
    return state.lineage().orElseGet(state::runId);
  }

  /**
   * Returns the chunks the whole run plans to train, for progress displays: this epoch's plan, then
   * every chunk at or after the start in each later epoch up to {@code --epochs}, capped by {@code
   * --max-chunks}.
   */
  public static long plannedChunks(RunPlan plan, TrainingConfig config) {
    long laterEpochs = Math.max(0, config.epochs() - 1L - plan.epoch());
    long chunksPerLaterEpoch = plan.totalChunks() - plan.chunksBelowStart();
    long total = plan.chunksToTrain() + laterEpochs * chunksPerLaterEpoch;
    OptionalInt max = config.maxChunks();
    return max.isPresent() ? Math.min(total, max.getAsInt()) : total;
  }

  private void warnOnChangedSettings(Optional<TrainerState> resumed, ModelSpec spec, long seed) {
    if (resumed.isEmpty()) {
      return;
    }
    // Front ends show these from ResolvedRun.warnings(), so the log keeps them at INFO.
    if (!spec.equals(run.config().model())) {
      LOGGER.info(
          "the checkpoint's model {} differs from the configured model {}; the checkpoint's is used",
          spec,
          run.config().model());
    }
    if (seed != run.config().seed()) {
      LOGGER.info(
          "the checkpoint's seed {} differs from --seed {}; the checkpoint's seed is used so the"
              + " data order continues unchanged",
          seed,
          run.config().seed());
    }
  }

  private static void emitEpoch(RunTelemetry telemetry, String event, int epoch) {
    telemetry.emit(event, RunTelemetry.fields("epoch", epoch));
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
