package io.hrmtrainer.bench;

import io.hrmtrainer.core.dataset.UniformLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ChunkClaim;
import io.hrmtrainer.tracker.ChunkTracker;
import io.hrmtrainer.tracker.ClaimMode;
import io.hrmtrainer.tracker.CompletionOutcome;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import io.hrmtrainer.tracker.plan.PlanRequest;
import io.hrmtrainer.tracker.plan.RunPlan;
import io.hrmtrainer.tracker.plan.RunPlanner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures the chunk ledger at scale: claim, complete and commit costs for datasets of 1,000 to
 * 1,000,000 chunks, writing and reading {@code chunk_tracker_state.json} and planning a run.
 *
 * <p>Usage: {@code LedgerBench [--dir bench-data] [--repeats 5] [--sizes 1000,10000,100000,1000000]
 * [--window 1000]}. Chunks contain 100 samples and blocks 1000 chunks. For each size one worker
 * claims and completes every chunk in order, like a run with one worker. The cost of a claim and
 * of a completion is taken over the first {@code --window} chunks (nothing trained yet) and over
 * the last {@code --window} chunks (all others trained already). Equal costs show that claiming
 * does not walk the chunks already trained. A commit is what {@code CheckpointCommitter} does
 * with the ledger: take the snapshot, serialise it to JSON and mark it committed.
 *
 * <p>At the largest size it also times writing and reading the ledger file, and building a
 * tracker from the loaded ledger (a resumed run) with its first claims. It also times {@link
 * RunPlanner#plan} for a new run and for one resumed from that ledger. Every number is the
 * median, minimum and maximum over {@code --repeats} runs. {@code scripts/bench-ledger.sh} runs
 * this class.
 */
public final class LedgerBench {

  private static final int CHUNK_SIZE = 100;
  private static final int CHUNKS_PER_BLOCK = 1000;
  private static final int SAMPLES_PER_BLOCK = CHUNK_SIZE * CHUNKS_PER_BLOCK;
  private static final String FINGERPRINT = "sha256:bench";

  /**
   * The benchmark settings.
   *
   * @param dir Where the ledger file is written.
   * @param repeats How often each measurement is repeated.
   * @param sizes The dataset sizes in chunks.
   * @param window The number of claims timed at the start and at the end of a dataset.
   */
  public record Options(Path dir, int repeats, List<Integer> sizes, int window) {

    /** Returns the defaults: {@code bench-data}, 5 repeats, 1e3 to 1e6 chunks, window 1000. */
    public static Options defaults() {
      return new Options(Path.of("bench-data"), 5, List.of(1_000, 10_000, 100_000, 1_000_000),
          1000);
    }

    /**
     * Reads {@code --name value} pairs over the defaults.
     *
     * @throws IllegalArgumentException for an unknown flag or a missing value.
     */
    public static Options parse(String... args) {
      Options parsed = defaults();
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(
              "flag " + args[i] + " is missing its value: expected " + args[i] + " <value>");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--dir" -> parsed =
              new Options(Path.of(value), parsed.repeats, parsed.sizes, parsed.window);
          case "--repeats" -> parsed =
              new Options(parsed.dir, Integer.parseInt(value), parsed.sizes, parsed.window);
          case "--sizes" -> parsed = new Options(parsed.dir, parsed.repeats,
              Arrays.stream(value.split(",")).map(Integer::valueOf).toList(), parsed.window);
          case "--window" -> parsed =
              new Options(parsed.dir, parsed.repeats, parsed.sizes, Integer.parseInt(value));
          default -> throw new IllegalArgumentException("unknown flag " + args[i]
              + ": expected --dir, --repeats, --sizes or --window");
        }
      }
      return parsed;
    }
  }

  /** The timings of one dataset size, each a list of per-repeat values. */
  private record SizeResult(
      int chunks,
      Timings claimFirst,
      Timings completeFirst,
      Timings claimLast,
      Timings completeLast,
      Timings fullPass,
      Timings commit) {}

  private LedgerBench() {}

  /** Runs the benchmark with the flags described in the class comment and prints the results. */
  public static void main(String[] args) throws IOException {
    run(Options.parse(args), System.out);
  }

  /** Runs the benchmark and prints Markdown tables to {@code out}. */
  public static void run(Options options, PrintStream out) throws IOException {
    out.println("| chunks | claim, first window (ns/claim) | claim, last window (ns/claim)"
        + " | complete, first window (ns) | complete, last window (ns)"
        + " | claim + complete all chunks | commit with all chunks trained |");
    out.println("|---:|---|---|---|---|---|---|");
    LedgerState largest = null;
    for (int chunks : options.sizes()) {
      warmUp(Math.min(chunks, 20_000), options.window());
      SizeResult result = measureSize(chunks, options);
      printSize(result, out);
      largest = trainAll(newTracker(layoutOf(chunks), null)).snapshotTrained();
    }
    out.println();
    measureFile(largest, options, out);
  }

  private static void warmUp(int chunks, int window) {
    for (int i = 0; i < 5; i++) {
      trainAll(newTracker(layoutOf(chunks), null));
      timeClaims(newTracker(layoutOf(chunks), null), Math.min(window, chunks));
    }
  }

  private static SizeResult measureSize(int chunks, Options options) {
    int window = Math.max(1, Math.min(options.window(), chunks / 4));
    Timings claimFirst = new Timings();
    Timings completeFirst = new Timings();
    Timings claimLast = new Timings();
    Timings completeLast = new Timings();
    Timings fullPass = new Timings();
    Timings commit = new Timings();
    for (int repeat = 0; repeat < options.repeats(); repeat++) {
      ChunkTracker tracker = newTracker(layoutOf(chunks), null);
      long[] first = timeClaims(tracker, window);
      claimFirst.add(first[0] / window);
      completeFirst.add(first[1] / window);
      long start = System.nanoTime();
      claimAndComplete(tracker, chunks - 2 * window);
      long middle = System.nanoTime() - start;
      long[] last = timeClaims(tracker, window);
      claimLast.add(last[0] / window);
      completeLast.add(last[1] / window);
      fullPass.add(first[0] + first[1] + middle + last[0] + last[1]);
      if (tracker.claim(0, ChunkPosition.ORIGIN, ClaimMode.RESPECT).isPresent()) {
        throw new IllegalStateException("a chunk was left after claiming all " + chunks);
      }
      long commitStart = System.nanoTime();
      LedgerState snapshot = tracker.snapshotTrained();
      String json = LedgerStore.toJson(snapshot);
      tracker.markCommitted(snapshot);
      commit.add(System.nanoTime() - commitStart);
      if (json.length() < chunks) {
        throw new IllegalStateException("the ledger JSON is shorter than one byte per chunk");
      }
    }
    return new SizeResult(
        chunks, claimFirst, completeFirst, claimLast, completeLast, fullPass, commit);
  }

  /** Claims and completes {@code count} chunks; returns total claim and complete nanoseconds. */
  private static long[] timeClaims(ChunkTracker tracker, int count) {
    long claimNanos = 0;
    long completeNanos = 0;
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      ChunkClaim claim = tracker.claim(0, ChunkPosition.ORIGIN, ClaimMode.RESPECT).orElseThrow();
      long t1 = System.nanoTime();
      CompletionOutcome outcome = tracker.markTrained(claim, i + 1, 7, CHUNK_SIZE);
      long t2 = System.nanoTime();
      if (!outcome.isRecorded()) {
        throw new IllegalStateException("chunk " + claim.position() + " was not recorded");
      }
      claimNanos += t1 - t0;
      completeNanos += t2 - t1;
    }
    return new long[] {claimNanos, completeNanos};
  }

  private static void claimAndComplete(ChunkTracker tracker, int count) {
    for (int i = 0; i < count; i++) {
      ChunkClaim claim = tracker.claim(0, ChunkPosition.ORIGIN, ClaimMode.RESPECT).orElseThrow();
      tracker.markTrained(claim, i + 1, 7, CHUNK_SIZE);
    }
  }

  private static ChunkTracker trainAll(ChunkTracker tracker) {
    claimAndComplete(tracker, tracker.totalChunks());
    return tracker;
  }

  private static void measureFile(LedgerState ledger, Options options, PrintStream out)
      throws IOException {

    int chunks = ledger.completedChunks().size();
    UniformLayout layout = layoutOf(chunks);
    Files.createDirectories(options.dir());
    Path file = options.dir().resolve(LedgerStore.FILE_NAME);
    Timings write = new Timings();
    Timings read = new Timings();
    Timings resume = new Timings();
    Timings firstClaims = new Timings();
    Timings planNew = new Timings();
    Timings planResumed = new Timings();
    Timings planResumedMiddle = new Timings();
    RunPlanner planner = new RunPlanner();
    ChunkPosition middle = ChunkPosition.of(layout.totalBlocks() / 2, 0);
    for (int repeat = 0; repeat < options.repeats(); repeat++) {
      long t0 = System.nanoTime();
      LedgerStore.write(file, ledger);
      long t1 = System.nanoTime();
      LedgerState loaded = LedgerStore.read(file);
      long t2 = System.nanoTime();
      ChunkTracker tracker = newTracker(layout, loaded);
      long t3 = System.nanoTime();
      // All chunks are trained: the first claim finds none and must return quickly.
      Optional<ChunkClaim> none = tracker.claim(0, ChunkPosition.ORIGIN, ClaimMode.RESPECT);
      long t4 = System.nanoTime();
      if (none.isPresent() || loaded.completedChunks().size() != chunks) {
        throw new IllegalStateException("the reloaded ledger lost completions");
      }
      write.add(t1 - t0);
      read.add(t2 - t1);
      resume.add(t3 - t2);
      firstClaims.add(t4 - t3);
      planNew.add(timePlan(planner, PlanRequest.newRun(layout, ChunkPosition.ORIGIN)));
      planResumed.add(timePlan(planner,
          PlanRequest.newRun(layout, ChunkPosition.ORIGIN).withLedger(loaded)));
      planResumedMiddle.add(timePlan(planner,
          PlanRequest.newRun(layout, middle).withLedger(loaded).withForce(true).withWorkers(4)));
    }
    long bytes = Files.size(file);
    out.printf(Locale.ROOT, "ledger with %,d completed chunks: %s, %,d bytes (%.1f MB)%n%n",
        chunks, file, bytes, bytes / 1e6);
    out.println("| operation | time |");
    out.println("|---|---|");
    row(out, "write chunk_tracker_state.json (LedgerStore.write, fsync included)", write);
    row(out, "read chunk_tracker_state.json (LedgerStore.read)", read);
    row(out, "build a tracker from the loaded ledger (resume)", resume);
    row(out, "first claim on the resumed tracker (finds every chunk trained)", firstClaims);
    row(out, "plan a new run of " + chunks + " chunks, no ledger", planNew);
    row(out, "plan a run resumed from the ledger", planResumed);
    row(out, "plan a forced run from the middle, 4 workers, with the ledger", planResumedMiddle);
  }

  private static long timePlan(RunPlanner planner, PlanRequest request) {
    long start = System.nanoTime();
    RunPlan plan = planner.plan(request);
    long elapsed = System.nanoTime() - start;
    if (plan.totalChunks() <= 0) {
      throw new IllegalStateException("the plan counted no chunks");
    }
    return elapsed;
  }

  private static void printSize(SizeResult result, PrintStream out) {
    out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s |%n", result.chunks(),
        nanosText(result.claimFirst()), nanosText(result.claimLast()),
        nanosText(result.completeFirst()), nanosText(result.completeLast()),
        result.fullPass().toMillisText(), result.commit().toMillisText());
  }

  /** Formats the median, minimum and maximum in nanoseconds, as "median (min to max)". */
  private static String nanosText(Timings timings) {
    return String.format(Locale.ROOT, "%.0f (%d to %d)", timings.medianNanos(),
        timings.minNanos(), timings.maxNanos());
  }

  private static void row(PrintStream out, String name, Timings timings) {
    out.printf(Locale.ROOT, "| %s | %s |%n", name, timings.toMillisText());
  }

  private static UniformLayout layoutOf(int chunks) {
    return UniformLayout.of((long) chunks * CHUNK_SIZE, SAMPLES_PER_BLOCK, CHUNK_SIZE);
  }

  private static ChunkTracker newTracker(UniformLayout layout, LedgerState ledger) {
    ChunkTracker.Builder builder =
        ChunkTracker.builder(layout).optDatasetFingerprint(FINGERPRINT);
    if (ledger != null) {
      builder.optLedger(ledger);
    }
    return builder.build();
  }
}
