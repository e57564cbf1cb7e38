package io.hrmtrainer.tracker;

import com.google.common.base.Ticker;
import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.dataset.DatasetLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.internal.ChunkIndex;
import io.hrmtrainer.tracker.internal.LedgerBits;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.InProgressChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of one dataset's chunks and the distributor that hands them to workers.
 *
 * <p>Per epoch, a chunk goes pending, then claimed (by one worker, under a lease), then trained
 * (with the optimizer step at completion, the steps taken, the samples and the worker), then
 * committed (included in a durable checkpoint). A released or abandoned claim goes back to
 * pending and is never recorded as trained. The history of every epoch is kept: completions keep
 * their epoch number, and {@link #startNextEpoch()} begins an epoch with nothing trained in it.
 *
 * <p><b>Claims and leases.</b> {@link #claim} hands out the first claimable chunk at or after the
 * lower bound, in position order. A claim carries a lease of {@code leaseDuration} that its owner
 * extends with {@link #renew} while it trains, so a long chunk stays with its owner for as long as
 * the owner renews. Once a lease has expired, the next claim may take the chunk over. From then on
 * the old owner's renewals return {@code false} and its completion is {@link
 * CompletionOutcome#REJECTED}, so no chunk is recorded twice in an epoch. A late completion of an
 * expired lease that nobody took over is still recorded.
 *
 * <p><b>Cost.</b> Trained and claimed chunks live in bit sets over global chunk indices, and each
 * claim mode keeps a cursor below which every chunk at or after the lower bound is known to be
 * unavailable. A claim therefore costs amortised {@code O(1)} word scans plus {@code O(active
 * claims)} to look for expired leases, and it never walks the chunks already trained. Changing the
 * lower bound between claims resets the cursors (one scan), so a run should use one bound.
 * Reporting skipped chunks costs {@code O(1)} per reported chunk.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. State changes happen under one lock, and
 * the skip listener is called outside it. Time comes from an injectable {@link Ticker} (leases)
 * and {@link Clock} (completion timestamps), so tests control both.
 */
public final class ChunkTracker {

  /** The lease a claim gets unless {@link Builder#optLeaseDuration} sets a different one. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(ChunkTracker.class);

  private final Object lock = new Object();
  private final DatasetLayout layout;
  private final ChunkIndex index;
  private final Optional<String> fingerprint;
  private final long leaseNanos;
  private final Ticker ticker;
  private final Clock clock;
  private final ChunkSkipListener skipListener;

  // Everything below is guarded by lock.
  private int currentEpoch;
  private long totalSteps;
  private long totalSamples;
  private final List<CompletedChunk> history = new ArrayList<>();
  private int committedCount;
  private LedgerState committedView;
  private final BitSet trainedInEpoch = new BitSet();
  private final BitSet trainedByRun = new BitSet();
  private final BitSet committedInEpoch = new BitSet();
  /** Chunks a RESPECT claim cannot take: trained in the epoch or claimed. */
  private final BitSet blockedRespect = new BitSet();
  /** Chunks a FORCE claim cannot take: trained by this run in the epoch or claimed. */
  private final BitSet blockedForce = new BitSet();
  private final Map<Integer, ActiveClaim> active = new HashMap<>();
  private final BitSet recordedClaims = new BitSet();
  private int nextClaimId;
  private int cursorBase = -1;
  private int cursorRespect;
  private int cursorForce;
  private int skipFrontier;

  /** A claim together with its lease deadline on the ticker's time line. */
  private static final class ActiveClaim {
    final ChunkClaim claim;
    final int chunkIndex;
    long deadlineNanos;

    ActiveClaim(ChunkClaim claim, int chunkIndex, long deadlineNanos) {
      this.claim = claim;
      this.chunkIndex = chunkIndex;
      this.deadlineNanos = deadlineNanos;
    }
  }

  private ChunkTracker(Builder builder) {
    this.layout = builder.layout;
    this.index = ChunkIndex.of(builder.layout);
    this.leaseNanos = builder.leaseDuration.toNanos();
    this.ticker = builder.ticker;
    this.clock = builder.clock;
    this.skipListener = builder.skipListener;
    Optional<LedgerState> ledger = Optional.ofNullable(builder.ledger);
    this.fingerprint =
        builder.fingerprint != null
            ? Optional.of(builder.fingerprint)
            : ledger.flatMap(LedgerState::datasetFingerprint);
    ledger.ifPresent(this::load);
    this.committedView = snapshotTrained();
  }

  /**
   * Returns a builder for a tracker over {@code layout}.
   *
   * @param layout The block and chunk layout of the dataset; at most {@link Integer#MAX_VALUE}
   *     chunks.
   */
  public static Builder builder(DatasetLayout layout) {
    return new Builder(layout);
  }

  /**
   * Claims the next chunk for {@code workerId}: the first chunk at or after {@code lowerBound}, in
   * position order, that no worker owns under a live lease and that {@code mode} allows.
   *
   * <p>In {@link ClaimMode#RESPECT} mode, chunks trained in the current epoch are skipped and
   * reported to the skip listener. In {@link ClaimMode#FORCE} mode they are handed out again, but a
   * chunk this run has already trained in the epoch is not.
   *
   * @param workerId The claiming worker, {@code >= 0}.
   * @param lowerBound The run's start position; no chunk before it is handed out.
   * @param mode Whether chunks trained in the current epoch are skipped or trained again.
   * @return the claim, or empty if no chunk at or after the bound is claimable now (all trained,
   *     or the rest held by other workers under live leases).
   * @throws IllegalArgumentException if {@code workerId} is negative.
   */
  public Optional<ChunkClaim> claim(int workerId, ChunkPosition lowerBound, ClaimMode mode) {
    checkWorkerId(workerId);
    Objects.requireNonNull(lowerBound, "lowerBound");
    Objects.requireNonNull(mode, "mode");

    Optional<ChunkClaim> claim;
    List<ChunkPosition> skipped;
    int epoch;
    synchronized (lock) {
      int lower = index.firstIndexAtOrAfter(lowerBound);
      int free = nextFree(lower, mode);
      ActiveClaim expired = earliestExpired(lower, free);
      claim = expired != null ? takeOver(expired, workerId) : newClaim(free, workerId);
      int reachedIndex = claim.map(c -> index.indexOf(c.position())).orElse(index.totalChunks());
      skipped = mode == ClaimMode.RESPECT ? collectSkipped(lower, reachedIndex) : List.of();
      epoch = currentEpoch;
    }

    for (ChunkPosition position : skipped) {
      skipListener.chunkSkipped(position, epoch);
    }
    return claim;
  }

  /**
   * Extends the lease of {@code claim} by the lease duration from now.
   *
   * @return {@code true} if the caller still owns the chunk, or {@code false} if the lease was
   *     taken over by another worker or the claim was released or completed. On {@code false} the
   *     caller must abandon the chunk.
   */
  public boolean renew(ChunkClaim claim) {
    synchronized (lock) {
      ActiveClaim owned = ownedActive(claim);
      if (owned == null) {
        return false;
      }
      owned.deadlineNanos = ticker.read() + leaseNanos;
      return true;
    }
  }

  /** Returns whether {@code claim} still owns its chunk (a lease may have expired meanwhile). */
  public boolean isOwned(ChunkClaim claim) {
    synchronized (lock) {
      return ownedActive(claim) != null;
    }
  }

  /**
   * Records the chunk of {@code claim} as trained in the current epoch.
   *
   * <p>Completion is idempotent: a second call for the same claim returns {@link
   * CompletionOutcome#ALREADY_RECORDED} and counts nothing again.
   *
   * @param claim The claim whose chunk finished its last optimizer step.
   * @param optimizerStep The worker's optimizer step count at completion.
   * @param steps The optimizer steps taken on this chunk.
   * @param samples The samples trained in this chunk.
   * @return {@link CompletionOutcome#RECORDED}, {@link CompletionOutcome#ALREADY_RECORDED}, or
   *     {@link CompletionOutcome#REJECTED} when the caller no longer owns the claim.
   * @throws IllegalArgumentException if a count is negative.
   */
  public CompletionOutcome markTrained(
      ChunkClaim claim, long optimizerStep, int steps, long samples) {

    checkCounts(claim, optimizerStep, steps, samples);

    synchronized (lock) {
      if (isRecorded(claim)) {
        return CompletionOutcome.ALREADY_RECORDED;
      }
      ActiveClaim owned = ownedActive(claim);
      if (owned == null || claim.epoch() != currentEpoch) {
        return CompletionOutcome.REJECTED;
      }
      record(owned, optimizerStep, steps, samples);
      return CompletionOutcome.RECORDED;
    }
  }

  /**
   * Gives the chunk of {@code claim} back: it becomes pending and is not recorded as trained. Use
   * this for a chunk interrupted by a stop, a crash or an error.
   *
   * @return {@code true} if the claim was held and is now released, or {@code false} if it was no
   *     longer owned (completed, released or taken over).
   */
  public boolean release(ChunkClaim claim) {
    synchronized (lock) {
      ActiveClaim owned = ownedActive(claim);
      if (owned == null) {
        return false;
      }
      releaseActive(owned);
      return true;
    }
  }

  /** Releases every claim held by {@code workerId} and returns how many there were. */
  public int releaseClaimsOf(int workerId) {
    synchronized (lock) {
      List<ActiveClaim> held = new ArrayList<>();
      for (ActiveClaim claim : active.values()) {
        if (claim.claim.workerId() == workerId) {
          held.add(claim);
        }
      }
      held.forEach(this::releaseActive);
      return held.size();
    }
  }

  /** Releases every claim of every worker and returns how many there were. */
  public int releaseAll() {
    synchronized (lock) {
      List<ActiveClaim> held = new ArrayList<>(active.values());
      held.forEach(this::releaseActive);
      return held.size();
    }
  }

  /** Returns the claims held now, in position order, including those with an expired lease. */
  public List<ChunkClaim> activeClaims() {
    synchronized (lock) {
      return active.values().stream()
          .map(held -> held.claim)
          .sorted(Comparator.comparing(ChunkClaim::position))
          .toList();
    }
  }

  /**
   * Returns the state of the chunk at {@code position} in the current epoch.
   *
   * @throws IndexOutOfBoundsException if the position is not in the dataset layout.
   */
  public ChunkState chunkState(ChunkPosition position) {
    int chunk = index.indexOf(position);
    synchronized (lock) {
      if (active.containsKey(chunk)) {
        return ChunkState.CLAIMED;
      }
      if (committedInEpoch.get(chunk)) {
        return ChunkState.COMMITTED;
      }
      return trainedInEpoch.get(chunk) ? ChunkState.TRAINED : ChunkState.PENDING;
    }
  }

  /**
   * Returns whether the current epoch is complete for a run with this lower bound and mode.
   *
   * <p>In {@link ClaimMode#RESPECT} mode that is when every chunk at or after {@code lowerBound}
   * is trained in the current epoch. In {@link ClaimMode#FORCE} mode it is when this run has
   * trained every one of them. Costs {@code O(chunks / 64)} in the worst case.
   */
  public boolean isEpochComplete(ChunkPosition lowerBound, ClaimMode mode) {
    int lower = index.firstIndexAtOrAfter(lowerBound);
    synchronized (lock) {
      BitSet trained = mode == ClaimMode.RESPECT ? trainedInEpoch : trainedByRun;
      return trained.nextClearBit(lower) >= index.totalChunks();
    }
  }

  /** Returns whether every chunk at or after {@code lowerBound} is trained in the current epoch. */
  public boolean isEpochComplete(ChunkPosition lowerBound) {
    return isEpochComplete(lowerBound, ClaimMode.RESPECT);
  }

  /**
   * Starts the next epoch, in which nothing is trained yet. Completions of earlier epochs stay in
   * the history with their epoch number.
   *
   * @return the new epoch number.
   * @throws IllegalStateException if chunks are still claimed. Complete or release them first.
   */
  public int startNextEpoch() {
    synchronized (lock) {
      if (!active.isEmpty()) {
        throw new IllegalStateException(
            String.format(
                "cannot start epoch %d: %d chunks are still claimed (%s); complete or release"
                    + " them first",
                currentEpoch + 1, active.size(), activeClaims()));
      }
      currentEpoch++;
      clearEpochState();
      return currentEpoch;
    }
  }

  /** Returns the 0-based epoch being trained. */
  public int currentEpoch() {
    synchronized (lock) {
      return currentEpoch;
    }
  }

  /** Returns the optimizer steps over all recorded completions, all epochs and runs. */
  public long totalSteps() {
    synchronized (lock) {
      return totalSteps;
    }
  }

  /** Returns the samples over all recorded completions, all epochs and runs. */
  public long totalSamples() {
    synchronized (lock) {
      return totalSamples;
    }
  }

  /** Returns the number of chunks in the dataset. */
  public int totalChunks() {
    return index.totalChunks();
  }

  /** Returns the number of chunks before {@code lowerBound}, which are never claimed in the run. */
  public int countBefore(ChunkPosition lowerBound) {
    return index.firstIndexAtOrAfter(lowerBound);
  }

  /** Returns the number of chunks at or after {@code lowerBound} trained in the current epoch. */
  public int countTrainedAtOrAfter(ChunkPosition lowerBound) {
    int lower = index.firstIndexAtOrAfter(lowerBound);
    synchronized (lock) {
      return trainedInEpoch.get(lower, Math.max(lower, index.totalChunks())).cardinality();
    }
  }

  /** Returns the number of chunks at or after {@code lowerBound} that this tracker has trained. */
  public int countTrainedByRunAtOrAfter(ChunkPosition lowerBound) {
    int lower = index.firstIndexAtOrAfter(lowerBound);
    synchronized (lock) {
      return trainedByRun.get(lower, Math.max(lower, index.totalChunks())).cardinality();
    }
  }

  /**
   * Returns the full ledger now: every completion so far, with the current claims as in-progress
   * entries. This is the state to commit together with weights taken at the same moment.
   */
  public LedgerState snapshotTrained() {
    synchronized (lock) {
      List<InProgressChunk> inProgress =
          activeClaims().stream()
              .map(claim -> new InProgressChunk(claim.position(), claim.workerId()))
              .toList();
      return new LedgerState(
          LedgerState.SCHEMA_VERSION,
          fingerprint,
          OptionalInt.of(layout.samplesPerBlock()),
          OptionalInt.of(layout.chunkSize()),
          OptionalInt.of(index.totalBlocks()),
          currentEpoch,
          totalSteps,
          totalSamples,
          history,
          inProgress);
    }
  }

  /**
   * Returns the ledger as of the last commit: the loaded ledger (or an empty one) until {@link
   * #markCommitted} is first called.
   */
  public LedgerState snapshotCommitted() {
    synchronized (lock) {
      return committedView;
    }
  }

  /**
   * Marks every chunk trained so far as committed, as if {@code markCommitted(snapshotTrained())}
   * ran atomically.
   *
   * @return the number of completions newly committed.
   */
  public int markCommitted() {
    synchronized (lock) {
      return markCommitted(snapshotTrained());
    }
  }

  /**
   * Marks the completions in {@code written} as committed, after a checkpoint holding that ledger
   * became durable. Completions recorded after the snapshot was taken stay trained but uncommitted.
   *
   * @param written A snapshot taken from this tracker with {@link #snapshotTrained()}.
   * @return the number of completions newly committed.
   * @throws IllegalArgumentException if {@code written} contains more completions than this tracker,
   *     which means it came from another tracker.
   */
  public int markCommitted(LedgerState written) {
    synchronized (lock) {
      int size = written.completedChunks().size();
      if (size > history.size()) {
        throw new IllegalArgumentException(
            String.format(
                "the snapshot contains %d completions but this tracker only %d; pass a snapshot"
                    + " taken with snapshotTrained() of this tracker",
                size, history.size()));
      }
      int newlyCommitted = Math.max(0, size - committedCount);
      markCommittedRange(committedCount, size);
      committedCount = Math.max(committedCount, size);
      committedView = written;
      return newlyCommitted;
    }
  }

  /** Returns the lease a claim gets and each renewal extends to. */
  public Duration leaseDuration() {
    return Duration.ofNanos(leaseNanos);
  }

  private void load(LedgerState ledger) {
    currentEpoch = ledger.currentEpoch();
    totalSteps = ledger.totalSteps();
    totalSamples = ledger.totalSamples();
    BitSet trained = LedgerBits.trainedInCurrentEpoch(ledger, index);
    trainedInEpoch.or(trained);
    blockedRespect.or(trained);
    committedInEpoch.or(trained);
    history.addAll(ledger.completedChunks());
    // Claims of the previous run die with it: in_progress_chunks are pending from now on.
    committedCount = history.size();
  }

  private int nextFree(int lower, ClaimMode mode) {
    if (cursorBase != lower) {
      cursorBase = lower;
      cursorRespect = lower;
      cursorForce = lower;
    }
    if (mode == ClaimMode.RESPECT) {
      cursorRespect = blockedRespect.nextClearBit(cursorRespect);
      return cursorRespect;
    }
    cursorForce = blockedForce.nextClearBit(cursorForce);
    return cursorForce;
  }

  /** Returns the expired claim with the lowest index in {@code [lower, below)}, or null. */
  private ActiveClaim earliestExpired(int lower, int below) {
    long now = ticker.read();
    ActiveClaim earliest = null;
    for (ActiveClaim held : active.values()) {
      boolean expired = now - held.deadlineNanos >= 0;
      boolean inRange = held.chunkIndex >= lower && held.chunkIndex < below;
      if (expired && inRange && (earliest == null || held.chunkIndex < earliest.chunkIndex)) {
        earliest = held;
      }
    }
    return earliest;
  }

  private Optional<ChunkClaim> takeOver(ActiveClaim expired, int workerId) {
    ChunkClaim claim = issue(workerId, expired.claim.position());
    active.put(expired.chunkIndex, new ActiveClaim(claim, expired.chunkIndex, deadline()));
    LOG.warn(
        "the lease of worker {} on chunk {} expired; worker {} takes the chunk over",
        expired.claim.workerId(),
        expired.claim.position(),
        workerId);
    return Optional.of(claim);
  }

  private Optional<ChunkClaim> newClaim(int chunkIndex, int workerId) {
    if (chunkIndex >= index.totalChunks()) {
      return Optional.empty();
    }
    ChunkClaim claim = issue(workerId, index.positionOf(chunkIndex));
    active.put(chunkIndex, new ActiveClaim(claim, chunkIndex, deadline()));
    blockedRespect.set(chunkIndex);
    blockedForce.set(chunkIndex);
    return Optional.of(claim);
  }

  private ChunkClaim issue(int workerId, ChunkPosition position) {
    if (nextClaimId == Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "this tracker has issued 2^31-1 claims, its limit; start a new run to reset the count");
    }
    return new ChunkClaim(nextClaimId++, workerId, position, currentEpoch);
  }

  private long deadline() {
    return ticker.read() + leaseNanos;
  }

  /** Returns the chunks in {@code [lower, reached)} trained before this run, each only once. */
  private List<ChunkPosition> collectSkipped(int lower, int reached) {
    List<ChunkPosition> skipped = new ArrayList<>();
    int from = Math.max(skipFrontier, lower);
    for (int i = trainedInEpoch.nextSetBit(from); i >= 0 && i < reached;
        i = trainedInEpoch.nextSetBit(i + 1)) {
      if (!trainedByRun.get(i)) {
        skipped.add(index.positionOf(i));
      }
    }
    skipFrontier = Math.max(skipFrontier, reached);
    return skipped;
  }

  private ActiveClaim ownedActive(ChunkClaim claim) {
    if (!index.contains(claim.position())) {
      return null;
    }
    ActiveClaim held = active.get(index.indexOf(claim.position()));
    return held != null && held.claim.claimId() == claim.claimId() ? held : null;
  }

  private boolean isRecorded(ChunkClaim claim) {
    return claim.claimId() >= 0
        && claim.claimId() < nextClaimId
        && recordedClaims.get((int) claim.claimId());
  }

  private void record(ActiveClaim owned, long optimizerStep, int steps, long samples) {
    int chunk = owned.chunkIndex;
    active.remove(chunk);
    trainedInEpoch.set(chunk);
    trainedByRun.set(chunk);
    committedInEpoch.clear(chunk);
    blockedRespect.set(chunk);
    blockedForce.set(chunk);
    recordedClaims.set((int) owned.claim.claimId());
    history.add(
        new CompletedChunk(
            owned.claim.position(),
            owned.claim.workerId(),
            optimizerStep,
            steps,
            samples,
            currentEpoch,
            Optional.of(clock.instant())));
    totalSteps += steps;
    totalSamples += samples;
  }

  private void releaseActive(ActiveClaim held) {
    int chunk = held.chunkIndex;
    active.remove(chunk);
    blockedRespect.set(chunk, trainedInEpoch.get(chunk));
    blockedForce.set(chunk, trainedByRun.get(chunk));
    if (cursorBase >= 0 && chunk >= cursorBase) {
      cursorRespect = Math.min(cursorRespect, chunk);
      cursorForce = Math.min(cursorForce, chunk);
    }
  }

  private void markCommittedRange(int from, int to) {
    for (int i = from; i < to; i++) {
      CompletedChunk chunk = history.get(i);
      if (chunk.epoch() == currentEpoch) {
        committedInEpoch.set(index.indexOf(chunk.position()));
      }
    }
  }

  private void clearEpochState() {
    trainedInEpoch.clear();
    trainedByRun.clear();
    committedInEpoch.clear();
    blockedRespect.clear();
    blockedForce.clear();
    cursorBase = -1;
    skipFrontier = 0;
  }

  private static void checkWorkerId(int workerId) {
    if (workerId < 0) {
      throw new IllegalArgumentException(
          String.format("worker id is %d; expected a value >= 0", workerId));
    }
  }

  private static void checkCounts(ChunkClaim claim, long optimizerStep, int steps, long samples) {
    Objects.requireNonNull(claim, "claim");
    if (optimizerStep < 0 || steps < 0 || samples < 0) {
      throw new IllegalArgumentException(
          String.format(
              "completion of chunk %s has a negative count: optimizer_step=%d, steps=%d,"
                  + " samples=%d; all must be >= 0",
              claim.position(), optimizerStep, steps, samples));
    }
  }

  /**
   * Configures a {@link ChunkTracker}. Optional settings start with {@code opt} and state their
   * default.
   */
  public static final class Builder {

    private final DatasetLayout layout;
    private String fingerprint;
    private LedgerState ledger;
    private Duration leaseDuration = DEFAULT_LEASE;
    private Ticker ticker = Ticker.systemTicker();
    private Clock clock = Clock.systemUTC();
    private ChunkSkipListener skipListener = ChunkSkipListener.NONE;

    private Builder(DatasetLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
    }

    /**
     * Sets the fingerprint of the dataset content, written into every snapshot. Default: the
     * loaded ledger's fingerprint, or none for a new ledger.
     */
    public Builder optDatasetFingerprint(String datasetFingerprint) {
      this.fingerprint = Objects.requireNonNull(datasetFingerprint, "datasetFingerprint");
      return this;
    }

    /**
     * Continues from a loaded ledger (resume): its epoch, totals and completions. Its in-progress
     * chunks are pending again, and its completions count as committed. Check it first with
     * {@link LedgerState#checkCompatible}. Default: a new, empty ledger.
     */
    public Builder optLedger(LedgerState loadedLedger) {
      this.ledger = Objects.requireNonNull(loadedLedger, "loadedLedger");
      return this;
    }

    /**
     * Sets how long a claim stays with its owner without a renewal. Default: {@link
     * ChunkTracker#DEFAULT_LEASE} (60 s).
     *
     * @throws IllegalArgumentException if the duration is zero or negative.
     */
    public Builder optLeaseDuration(Duration lease) {
      if (lease.isZero() || lease.isNegative()) {
        throw new IllegalArgumentException(
            String.format("lease duration is %s; expected a positive duration", lease));
      }
      this.leaseDuration = lease;
      return this;
    }

    /** Sets the time source for leases. Default: {@link Ticker#systemTicker()}. */
    public Builder optTicker(Ticker leaseTicker) {
      this.ticker = Objects.requireNonNull(leaseTicker, "leaseTicker");
      return this;
    }

    /** Sets the clock for completion timestamps. Default: {@link Clock#systemUTC()}. */
    public Builder optClock(Clock completionClock) {
      this.clock = Objects.requireNonNull(completionClock, "completionClock");
      return this;
    }

    /** Sets the listener for chunks skipped in respect mode. Default: none. */
    public Builder optSkipListener(ChunkSkipListener listener) {
      this.skipListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the tracker.
     *
     * @throws InvalidInputException if the loaded ledger records, in its current epoch, a chunk
     *     that the layout does not have, because that ledger belongs to another dataset layout.
     * @throws IllegalArgumentException if the layout has more than {@link Integer#MAX_VALUE}
     *     chunks.
     */
    public ChunkTracker build() {
      return new ChunkTracker(this);
    }
  }
}
