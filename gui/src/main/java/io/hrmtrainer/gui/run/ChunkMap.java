package io.hrmtrainer.gui.run;

import io.hrmtrainer.core.dataset.DatasetLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.position.StartPosition;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The state of every chunk of the dataset during a run, block by block, for the chunk map.
 *
 * <p>Chunks before the start position are {@link CellState#BELOW_START} for the whole run. The
 * others start {@link CellState#PENDING} and move as workers claim, train or skip them. A new epoch
 * sets them back to pending. Not thread-safe: the run view model changes it on the UI thread.
 */
public final class ChunkMap {

  /** The state of one chunk, as the map colours it. */
  public enum CellState {
    /** Before the start position: never claimed in this run. */
    BELOW_START,
    /** Not claimed yet in this epoch. */
    PENDING,
    /** Skipped because the ledger has it trained in this epoch. */
    SKIPPED,
    /** Claimed by a worker and being trained. */
    CLAIMED,
    /** Trained in this epoch. */
    TRAINED
  }

  private final StartPosition start;
  private final CellState[][] states;
  private final int[][] workers;

  private ChunkMap(StartPosition start, CellState[][] states, int[][] workers) {
    this.start = start;
    this.states = states;
    this.workers = workers;
  }

  /** Returns the map of {@code layout} before a run from {@code start} claims anything. */
  public static ChunkMap of(DatasetLayout layout, StartPosition start) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(start, "start");

    CellState[][] states = new CellState[layout.totalBlocks()][];
    int[][] workers = new int[layout.totalBlocks()][];
    for (int block = 0; block < states.length; block++) {
      states[block] = new CellState[layout.chunksInBlock(block)];
      workers[block] = new int[states[block].length];
      Arrays.fill(workers[block], -1);
      for (int chunk = 0; chunk < states[block].length; chunk++) {
        boolean permitted = start.permits(new ChunkPosition(block, chunk));
        states[block][chunk] = permitted ? CellState.PENDING : CellState.BELOW_START;
      }
    }
    return new ChunkMap(start, states, workers);
  }

  /** Returns the number of blocks, the rows of the map. */
  public int blocks() {
    return states.length;
  }

  /** Returns the number of chunks in {@code block}. */
  public int chunksInBlock(int block) {
    return states[block].length;
  }

  /** Returns the largest number of chunks in a block, the columns of the map. */
  public int maxChunksPerBlock() {
    return Arrays.stream(states).mapToInt(row -> row.length).max().orElse(0);
  }

  /** Returns the state of the chunk at ({@code block}, {@code chunk}). */
  public CellState state(int block, int chunk) {
    return states[block][chunk];
  }

  /** Returns the worker that claimed or trained the chunk in this epoch, if any. */
  public OptionalInt worker(int block, int chunk) {
    int worker = workers[block][chunk];
    return worker < 0 ? OptionalInt.empty() : OptionalInt.of(worker);
  }

  /** Returns how many chunks are in {@code state}. */
  public long count(CellState state) {
    return Arrays.stream(states).flatMap(Arrays::stream).filter(s -> s == state).count();
  }

  /** Records that worker {@code workerId} claimed the chunk at {@code position}. */
  public void markClaimed(ChunkPosition position, int workerId) {
    set(position, CellState.CLAIMED, workerId);
  }

  /** Records that worker {@code workerId} trained the chunk at {@code position}. */
  public void markTrained(ChunkPosition position, int workerId) {
    set(position, CellState.TRAINED, workerId);
  }

  /** Records that the chunk at {@code position} was skipped as already trained. */
  public void markSkipped(ChunkPosition position) {
    set(position, CellState.SKIPPED, -1);
  }

  /** Sets every chunk at or after the start position back to pending, for a new epoch. */
  public void startEpoch() {
    for (int block = 0; block < states.length; block++) {
      for (int chunk = 0; chunk < states[block].length; chunk++) {
        if (start.permits(new ChunkPosition(block, chunk))) {
          states[block][chunk] = CellState.PENDING;
          workers[block][chunk] = -1;
        }
      }
    }
  }

  private void set(ChunkPosition position, CellState state, int workerId) {
    if (position.blockId() >= states.length
        || position.chunkId() >= states[position.blockId()].length) {
      return; // not in this dataset's layout; the map shows only real chunks
    }
    states[position.blockId()][position.chunkId()] = state;
    workers[position.blockId()][position.chunkId()] = workerId;
  }
}
