package io.hrmtrainer.trainergpu.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link ChunkWorker} thread per replica over one epoch and commits a checkpoint each
 * time all of them have paused at a chunk boundary.
 *
 * <p>The coordinating thread (the caller of {@link #runEpoch}) is the only one that averages and
 * commits. It does so only while every running worker waits in the {@link PauseGate}, so no
 * replica changes during a commit and the ledger snapshot matches the weights. If a commit fails,
 * the workers are stopped immediately and joined before the error is thrown, so no worker thread
 * outlives the replicas it trains.
 */
final class WorkerPool {

  private static final Logger LOGGER = LoggerFactory.getLogger(WorkerPool.class);

  private final RunContext context;
  private final List<ModelReplica> replicas;
  private final List<String> deviceNames;
  private final CheckpointCommitter committer;

  WorkerPool(
      RunContext context,
      List<ModelReplica> replicas,
      List<String> deviceNames,
      CheckpointCommitter committer) {

    this.context = context;
    this.replicas = replicas;
    this.deviceNames = deviceNames;
    this.committer = committer;
  }

  /**
   * Trains until the workers run out of chunks in the current epoch, stop or fail, committing at
   * every checkpoint interval.
   *
   * @throws IOException if a checkpoint cannot be written or the coordinator is interrupted; the
   *     workers have stopped when it is thrown.
   */
  void runEpoch() throws IOException {
    List<Thread> threads = startWorkers();
    try {
      coordinate();
    } catch (IOException | RuntimeException | Error e) {
      context.stop.requestImmediate("the run failed while committing: " + e.getMessage());
      context.gate.resume();
      joinQuietly(threads);
      throw e;
    }
    join(threads);
    // A pause requested by the epoch's last chunk found no worker left to pause: commit here so
    // the interval also applies across epochs, and clear the request for the next epoch.
    context.gate.resume();
    if (context.failure() == null
        && context.chunksSinceCommit() >= context.config.checkpointIntervalChunks()) {
      committer.commit(replicas);
    }
  }

  private List<Thread> startWorkers() {
    List<Thread> threads = new ArrayList<>();
    context.gate.register(replicas.size());
    for (int id = 0; id < replicas.size(); id++) {
      ChunkWorker worker = new ChunkWorker(id, deviceNames.get(id), replicas.get(id), context);
      Thread thread = new Thread(worker, "hrm-worker-" + id);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    return threads;
  }

  private void coordinate() throws IOException {
    try {
      while (context.gate.awaitQuiet()) {
        if (context.failure() == null) {
          committer.commit(replicas);
        }
        context.gate.resume();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the workers", e);
    }
  }

  private void join(List<Thread> threads) throws IOException {
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      context.stop.requestImmediate("the coordinating thread was interrupted");
      throw new IOException("interrupted while waiting for the workers to finish", e);
    }
  }

  private static void joinQuietly(List<Thread> threads) {
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOGGER.warn("interrupted while stopping worker thread {}", thread.getName());
        return;
      }
    }
  }
}
