package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.position.ChunkPosition;

/**
 * A snapshot of training progress after one optimizer step, for progress bars and charts.
 *
 * @param workerId The worker that took the step.
 * @param chunk The chunk being trained.
 * @param stepInChunk The 1-based step inside the chunk.
 * @param stepsInChunk The number of steps the chunk takes.
 * @param globalStep The persisted global optimizer step after this step.
 * @param loss The mean cross-entropy of this step's batch, in nats per token.
 * @param samplesPerSecond The run's training throughput so far, over all workers.
 * @param chunksTrained The chunks this run has trained so far, over all workers.
 * @param chunksToTrain The chunks this run plans to train, after skips and the max-chunks limit.
 */
public record StepProgress(
    int workerId,
    ChunkPosition chunk,
    int stepInChunk,
    int stepsInChunk,
    long globalStep,
    double loss,
    double samplesPerSecond,
    long chunksTrained,
    long chunksToTrain) {}
