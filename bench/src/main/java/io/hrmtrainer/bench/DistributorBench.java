package io.hrmtrainer.bench;

import io.hrmtrainer.core.dataset.UniformLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ChunkClaim;
import io.hrmtrainer.tracker.ChunkTracker;
import io.hrmtrainer.tracker.ClaimMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the parallel distributor alone: 1 to 8 worker threads claim and complete every chunk
 * of a dataset from one shared {@link ChunkTracker} with no training in between. The numbers are
 * therefore the distributor's ceiling (chunks per second) and its cost per claim.
 *
 * <p>Usage: {@code DistributorBench [chunks] [repeats]} (default 200000 chunks, 3 repeats). Each
 * thread renews its lease once per chunk, as a worker does once per step. Reports the median
 * over the repeats of chunks per second and of the mean time of one {@code claim} call.
 */
public final class DistributorBench {

  private DistributorBench() {}

  /** Runs the benchmark and prints one line per worker count. */
  public static void main(String[] args) throws Exception {
    int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    System.out.printf(Locale.ROOT, "chunks: %d, repeats: %d, cores: %d%n",
        chunks, repeats, Runtime.getRuntime().availableProcessors());
    run(1, chunks); // warm-up
    for (int workers = 1; workers <= 8; workers++) {
      double[] rates = new double[repeats];
      double[] claimNanos = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        double[] result = run(workers, chunks);
        rates[r] = result[0];
        claimNanos[r] = result[1];
      }
      System.out.printf(Locale.ROOT,
          "workers %d: %,.0f chunks/s, claim %.2f us (median of %d)%n",
          workers, median(rates), median(claimNanos) / 1000.0, repeats);
    }
  }

  /** Returns chunks per second and mean nanoseconds per claim call for one full pass. */
  private static double[] run(int workers, int chunks) throws Exception {
    ChunkTracker tracker =
        ChunkTracker.builder(UniformLayout.of(chunks * 10L, 10_000, 10)).build();
    AtomicLong claimNanos = new AtomicLong();
    AtomicLong claims = new AtomicLong();
    CyclicBarrier start = new CyclicBarrier(workers + 1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int id = w;
      Thread thread = new Thread(() -> work(tracker, id, start, claimNanos, claims));
      threads.add(thread);
      thread.start();
    }
    start.await();
    long began = System.nanoTime();
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    if (!tracker.isEpochComplete(ChunkPosition.ORIGIN)) {
      throw new IllegalStateException("the pass ended with chunks left untrained");
    }
    return new double[] {chunks / seconds, claimNanos.get() / (double) claims.get()};
  }

  private static void work(
      ChunkTracker tracker, int id, CyclicBarrier start, AtomicLong nanos, AtomicLong count) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    long local = 0;
    long claims = 0;
    while (true) {
      long before = System.nanoTime();
      Optional<ChunkClaim> claim = tracker.claim(id, ChunkPosition.ORIGIN, ClaimMode.RESPECT);
      local += System.nanoTime() - before;
      claims++;
      if (claim.isEmpty()) {
        break;
      }
      tracker.renew(claim.get());
      tracker.markTrained(claim.get(), 0, 1, 10);
    }
    nanos.addAndGet(local);
    count.addAndGet(claims);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
