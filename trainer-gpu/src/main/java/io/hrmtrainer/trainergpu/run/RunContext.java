package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ChunkTracker;
import io.hrmtrainer.tracker.ClaimMode;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state that a run's workers share: the ledger, counters, the stop signal, the pause gate and
 * the first failure. Thread-safe.
 */
final class RunContext {

  /** A worker's failure, kept for the run's outcome and the {@code worker_failed} event. */
  record WorkerFailure(int workerId, String device, ChunkPosition chunk, Throwable cause) {}

  /** A chunk this run trained, with its mean loss in nats per token. */
  record TrainedChunk(ChunkPosition position, double meanLoss) {}

  /**
   * A chunk a worker abandoned on an immediate stop after taking some of its optimizer steps. The
   * chunk is not recorded in the ledger, so a resumed run trains it again in full. The replica
   * still keeps the steps taken, and a later commit includes them in the checkpoint's weights.
   *
   * @param workerId The worker that abandoned the chunk.
   * @param position The chunk.
   * @param epoch The epoch of the claim.
   * @param stepsTaken The optimizer steps taken on the chunk before the stop.
   * @param stepsInChunk The optimizer steps the whole chunk takes.
   */
  record AbandonedChunk(
      int workerId, ChunkPosition position, int epoch, int stepsTaken, int stepsInChunk) {}

  /** The worker that runs on the current thread, for events raised inside the tracker. */
  record WorkerIdentity(int workerId, String device) {}

  /**
   * The run's starting counters.
   *
   * @param seed The run seed in effect: the checkpoint's on resume, so the data order continues.
   * @param startGlobalStep The global optimizer step the run starts from.
   * @param chunksToTrain The chunks the plan will train, for progress displays.
   * @param chunksSkipped The counter of chunks skipped in respect mode, shared with the tracker.
   */
  record Counters(long seed, long startGlobalStep, long chunksToTrain, AtomicLong chunksSkipped) {}

  private static final ThreadLocal<WorkerIdentity> CURRENT_WORKER = new ThreadLocal<>();

  final ResolvedRun run;
  final TrainingConfig config;
  final ChunkTracker tracker;
  final RunTelemetry telemetry;
  final TrainingListener listener;
  final StepHook stepHook;
  final StopSignal stop;
  final PauseGate gate = new PauseGate();
  final ChunkPosition lowerBound;
  final long seed;
  final ClaimMode claimMode;
  final AtomicLong globalStep;
  final AtomicLong samplesThisRun = new AtomicLong();
  final AtomicLong chunksSkipped;
  final long startNanos = System.nanoTime();
  final FirstClaimOrder firstClaims;
  private final AtomicInteger claimsReserved = new AtomicInteger();
  private final AtomicInteger chunksSinceCommit = new AtomicInteger();
  private final AtomicReference<WorkerFailure> failure = new AtomicReference<>();
  private final List<TrainedChunk> trainedChunks = new ArrayList<>();
  private final List<AbandonedChunk> abandonedChunks = new ArrayList<>();
  private int abandonedChunksCommitted;
  private final long chunksToTrain;
  private final int workerCount;

  RunContext(
      ResolvedRun run,
      ChunkTracker tracker,
      RunTelemetry telemetry,
      TrainingListener listener,
      StepHook stepHook,
      StopSignal stop,
      Counters counters,
      int workerCount) {

    this.run = run;
    this.chunksSkipped = counters.chunksSkipped();
    this.seed = counters.seed();
    this.workerCount = workerCount;
    this.config = run.config();
    this.tracker = tracker;
    this.telemetry = telemetry;
    this.listener = listener;
    this.stepHook = stepHook;
    this.stop = stop;
    this.lowerBound = run.plan().start();
    this.claimMode = config.isForceTrain() ? ClaimMode.FORCE : ClaimMode.RESPECT;
    this.globalStep = new AtomicLong(counters.startGlobalStep());
    this.chunksToTrain = counters.chunksToTrain();
    this.firstClaims = new FirstClaimOrder(workerCount);
  }

  /** Marks the calling thread as the thread of {@code worker}, or clears the mark with null. */
  static void bindWorker(WorkerIdentity worker) {
    if (worker == null) {
      CURRENT_WORKER.remove();
    } else {
      CURRENT_WORKER.set(worker);
    }
  }

  /** Returns the worker of the calling thread, or null on a thread that is not a worker's. */
  static WorkerIdentity currentWorker() {
    return CURRENT_WORKER.get();
  }

  /** Returns the number of workers (replicas) of the run. */
  int workerCount() {
    return workerCount;
  }

  /** Reserves the right to claim one more chunk; false once {@code --max-chunks} is reached. */
  boolean reserveClaim() {
    OptionalInt max = config.maxChunks();
    if (max.isEmpty()) {
      return true;
    }
    if (claimsReserved.incrementAndGet() <= max.getAsInt()) {
      return true;
    }
    claimsReserved.decrementAndGet();
    return false;
  }

  /** Gives back a reservation that did not lead to a trained chunk. */
  void cancelClaim() {
    if (config.maxChunks().isPresent()) {
      claimsReserved.decrementAndGet();
    }
  }

  /** Returns whether {@code --max-chunks} has been reached by reservations. */
  boolean isClaimLimitReached() {
    OptionalInt max = config.maxChunks();
    return max.isPresent() && claimsReserved.get() >= max.getAsInt();
  }

  /** Records a trained chunk and requests a checkpoint when the interval is reached. */
  void chunkTrained(ChunkPosition position, double meanLoss) {
    synchronized (trainedChunks) {
      trainedChunks.add(new TrainedChunk(position, meanLoss));
    }
    if (chunksSinceCommit.incrementAndGet() >= config.checkpointIntervalChunks()) {
      gate.requestPause();
    }
  }

  /** Records a chunk abandoned on an immediate stop with the steps already taken on it. */
  void chunkAbandoned(AbandonedChunk chunk) {
    synchronized (abandonedChunks) {
      abandonedChunks.add(chunk);
    }
  }

  /**
   * Records that a checkpoint was committed, so its weights include the steps taken on every chunk
   * abandoned so far. Call only while every worker is paused or finished.
   */
  void abandonedChunksCommitted() {
    synchronized (abandonedChunks) {
      abandonedChunksCommitted = abandonedChunks.size();
    }
  }

  /** Returns a copy of the chunks abandoned on an immediate stop, in the order they were. */
  List<AbandonedChunk> abandonedChunks() {
    synchronized (abandonedChunks) {
      return List.copyOf(abandonedChunks);
    }
  }

  /** Returns whether a checkpoint committed after {@code chunk} was abandoned has its steps. */
  boolean isInCommittedWeights(AbandonedChunk chunk) {
    synchronized (abandonedChunks) {
      int index = abandonedChunks.indexOf(chunk);
      return index >= 0 && index < abandonedChunksCommitted;
    }
  }

  /** Returns the chunks trained since the last commit. */
  int chunksSinceCommit() {
    return chunksSinceCommit.get();
  }

  /** Resets the count of chunks trained since the last commit. */
  void committed() {
    chunksSinceCommit.set(0);
  }

  /** Returns a copy of the chunks this run trained, in completion order. */
  List<TrainedChunk> trainedChunks() {
    synchronized (trainedChunks) {
      return List.copyOf(trainedChunks);
    }
  }

  /** Returns how many chunks this run has trained. */
  long chunksTrained() {
    synchronized (trainedChunks) {
      return trainedChunks.size();
    }
  }

  /** Returns how many chunks the run plans to train, for progress displays. */
  long chunksToTrain() {
    return chunksToTrain;
  }

  /** Returns the run's throughput so far in samples per second. */
  double samplesPerSecond() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return seconds <= 0 ? 0.0 : samplesThisRun.get() / seconds;
  }

  /** Records the first failure and stops the other workers at their next chunk boundary. */
  void fail(WorkerFailure workerFailure) {
    if (failure.compareAndSet(null, workerFailure)) {
      stop.requestGraceful(
          String.format(
              "worker %d failed on chunk %s", workerFailure.workerId(), workerFailure.chunk()));
    }
    gate.wakeCoordinator();
  }

  /** Returns the first worker failure, or null when no worker failed. */
  WorkerFailure failure() {
    return failure.get();
  }
}
