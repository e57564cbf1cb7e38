package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.dataset.ChunkReader;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.tracker.ChunkClaim;
import io.hrmtrainer.tracker.CompletionOutcome;
import io.hrmtrainer.trainergpu.data.BatchIterator;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import io.hrmtrainer.trainergpu.data.ShuffleSeeds;
import io.hrmtrainer.trainergpu.data.TokenBatch;
import io.hrmtrainer.trainergpu.optim.StepResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: claims chunks from the shared ledger in position order and trains its replica on
 * them until no chunk is left, a limit is reached, a stop is requested, or it fails.
 *
 * <p>A chunk is recorded as trained only after its last optimizer step. An immediate stop or a
 * failure releases the chunk, so the ledger never records it.
 */
final class ChunkWorker implements Runnable {

  private static final Logger LOGGER = LoggerFactory.getLogger(ChunkWorker.class);

  private final int workerId;
  private final String deviceName;
  private final ModelReplica replica;
  private final RunContext context;
  private final ByteTokenizer tokenizer;
  private ChunkClaim currentClaim;

  ChunkWorker(int workerId, String deviceName, ModelReplica replica, RunContext context) {
    this.workerId = workerId;
    this.deviceName = deviceName;
    this.replica = replica;
    this.context = context;
    this.tokenizer = new ByteTokenizer(context.config.maxSeqLen());
  }

  int workerId() {
    return workerId;
  }

  String deviceName() {
    return deviceName;
  }

  ModelReplica replica() {
    return replica;
  }

  @Override
  public void run() {
    RunContext.bindWorker(new RunContext.WorkerIdentity(workerId, deviceName));
    try (ChunkReader reader = ChunkReader.open(context.run.manifest())) {
      claimAndTrain(reader);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      releaseCurrentClaim();
    } catch (Throwable e) { // NOPMD: the worker boundary must see errors too, such as OOM.
      // Every failure of this worker ends here and is recorded once; the others stop at their
      // next chunk boundary. Without this an Error would end the thread and the run would look
      // complete.
      LOGGER.error(
          "worker {} on {} failed on chunk {}", workerId, deviceName, currentPosition(), e);
      ChunkPosition failedChunk = currentPosition();
      releaseCurrentClaim();
      context.fail(new RunContext.WorkerFailure(workerId, deviceName, failedChunk, e));
    } finally {
      context.firstClaims.passed(workerId);
      RunContext.bindWorker(null);
      context.gate.finished();
    }
  }

  private void claimAndTrain(ChunkReader reader) throws IOException, InterruptedException {
    // First claims go in worker id order, as the start event plans. Nothing blocks before them.
    context.firstClaims.awaitTurn(workerId);
    boolean firstClaim = true;
    while (true) {
      if (!firstClaim) {
        context.gate.pauseIfRequested();
        context.firstClaims.awaitEveryFirstClaim();
      }
      if (context.stop.isStopRequested() || !context.reserveClaim()) {
        return;
      }
      Optional<ChunkClaim> claim =
          context.tracker.claim(workerId, context.lowerBound, context.claimMode);
      claim.ifPresent(this::announceClaim);
      if (firstClaim) {
        // Passed only after the chunk_claimed event, so the events also follow worker id order.
        context.firstClaims.passed(workerId);
        firstClaim = false;
      }
      if (claim.isEmpty()) {
        context.cancelClaim();
        return;
      }
      currentClaim = claim.get();
      trainChunk(reader, currentClaim);
      currentClaim = null;
    }
  }

  private void announceClaim(ChunkClaim claim) {
    ChunkPosition position = claim.position();
    context.telemetry.emitForWorker(
        EventNames.CHUNK_CLAIMED,
        workerId,
        deviceName,
        RunTelemetry.fields(
            "block_id", position.blockId(), "chunk_id", position.chunkId(), "epoch", claim.epoch()));
    context.listener.onChunkClaimed(workerId, position);
  }

  private void trainChunk(ChunkReader reader, ChunkClaim claim) throws IOException {
    ChunkPosition position = claim.position();
    List<String> samples = reader.readChunk(position);
    long shuffleSeed =
        ShuffleSeeds.forChunk(
            context.seed, claim.epoch(), position.blockId(), position.chunkId());
    BatchIterator batches =
        BatchIterator.forChunk(samples, tokenizer, context.config.batchSize(), shuffleSeed);
    long startNanos = System.nanoTime();
    int steps = batches.batchCount();
    double lossSum = 0;
    for (int step = 1; step <= steps; step++) {
      context.stepHook.beforeStep(workerId, position, step);
      if (context.stop.isImmediate()) {
        abandon(claim, step - 1, steps);
        return;
      }
      TokenBatch batch = batches.next();
      StepResult result = replica.trainingStep().run(batch);
      lossSum += result.loss();
      context.samplesThisRun.addAndGet(batch.size());
      long globalStep = context.globalStep.incrementAndGet();
      if (!context.tracker.renew(claim)) {
        // The lease expired during a step longer than the lease, and another worker took the
        // chunk over. The new owner's training counts, so this worker drops the chunk.
        LOGGER.warn(
            "worker {} lost its lease on chunk {} after step {}; leaving it to its new owner",
            workerId, position, step);
        abandonLost(claim);
        return;
      }
      context.listener.onStep(
          new StepProgress(
              workerId,
              position,
              step,
              steps,
              globalStep,
              result.loss(),
              context.samplesPerSecond(),
              context.chunksTrained(),
              context.chunksToTrain()));
    }
    complete(claim, samples.size(), steps, lossSum / Math.max(1, steps), startNanos);
  }

  private void complete(
      ChunkClaim claim, int samples, int steps, double meanLoss, long startNanos) {

    ChunkPosition position = claim.position();
    CompletionOutcome outcome =
        context.tracker.markTrained(claim, context.globalStep.get(), steps, samples);
    if (!outcome.isRecorded()) {
      // The lease expired and another worker took the chunk; its training counts, not ours.
      LOGGER.warn(
          "worker {} finished chunk {} after losing its lease ({}); the chunk is not recorded twice",
          workerId,
          position,
          outcome);
      return;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    context.telemetry.emitForWorker(
        EventNames.CHUNK_TRAINED,
        workerId,
        deviceName,
        RunTelemetry.fields(
            "block_id", position.blockId(),
            "chunk_id", position.chunkId(),
            "epoch", claim.epoch(),
            "samples", samples,
            "optimizer_steps", steps,
            "loss", meanLoss,
            "global_step", context.globalStep.get(),
            "seconds", seconds));
    context.listener.onChunkTrained(workerId, position, meanLoss);
    LOGGER.info(
        "worker {} trained chunk {}: {} samples, {} steps, mean loss {}, {} s",
        workerId, position, samples, steps, meanLoss, seconds);
    context.chunkTrained(position, meanLoss);
  }

  private void abandon(ChunkClaim claim, int stepsDone, int steps) {
    context.tracker.release(claim);
    context.cancelClaim();
    currentClaim = null;
    context.chunkAbandoned(
        new RunContext.AbandonedChunk(
            workerId, claim.position(), claim.epoch(), stepsDone, steps));
    LOGGER.info(
        "worker {} abandoned chunk {} after {} of {} steps: immediate stop; it is not recorded,"
            + " but the replica keeps those steps",
        workerId, claim.position(), stepsDone, steps);
  }

  private void abandonLost(ChunkClaim claim) {
    context.cancelClaim();
    currentClaim = null;
    LOGGER.info("worker {} dropped chunk {}: its lease was taken over", workerId, claim.position());
  }

  private void releaseCurrentClaim() {
    if (currentClaim != null) {
      context.tracker.release(currentClaim);
      context.cancelClaim();
      currentClaim = null;
    }
  }

  private ChunkPosition currentPosition() {
    ChunkClaim claim = currentClaim;
    return claim == null ? null : claim.position();
  }
}
