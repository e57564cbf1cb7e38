package io.hrmtrainer.tracker.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable snapshot of the chunk ledger, the content of {@code chunk_tracker_state.json}.
 *
 * <p>{@code completedChunks} is the full history: entries of earlier epochs keep their epoch
 * number, and a chunk that was force-trained again appears once per pass. The dataset fields are
 * empty only for files written before they existed. Instances are safe to share between threads.
 *
 * @param schemaVersion The file format version; 0 for files that predate {@code schema_version}.
 * @param datasetFingerprint The fingerprint of the dataset content the ledger belongs to.
 * @param samplesPerBlock The block size the chunk positions refer to.
 * @param datasetChunkSize The chunk size the chunk positions refer to.
 * @param totalBlocksInDataset The number of blocks of the dataset when the ledger was written.
 * @param currentEpoch The epoch being trained, 0-based.
 * @param totalSteps The optimizer steps taken over all recorded chunks, all epochs and runs.
 * @param totalSamples The samples trained over all recorded chunks, all epochs and runs.
 * @param completedChunks Every recorded completion, in the order it was recorded.
 * @param inProgressChunks The chunks claimed when the snapshot was taken (informational).
 */
public record LedgerState(
    int schemaVersion,
    Optional<String> datasetFingerprint,
    OptionalInt samplesPerBlock,
    OptionalInt datasetChunkSize,
    OptionalInt totalBlocksInDataset,
    int currentEpoch,
    long totalSteps,
    long totalSamples,
    List<CompletedChunk> completedChunks,
    List<InProgressChunk> inProgressChunks) {

  /** The schema version this code writes, and the newest one it reads. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Creates a snapshot, copying both lists.
   *
   * @throws IllegalArgumentException if the epoch or a total is negative.
   */
  public LedgerState {
    Objects.requireNonNull(datasetFingerprint, "datasetFingerprint");
    Objects.requireNonNull(samplesPerBlock, "samplesPerBlock");
    Objects.requireNonNull(datasetChunkSize, "datasetChunkSize");
    Objects.requireNonNull(totalBlocksInDataset, "totalBlocksInDataset");
    if (currentEpoch < 0 || totalSteps < 0 || totalSamples < 0) {
      throw new IllegalArgumentException(
          String.format(
              "ledger counters must be >= 0, got current_epoch=%d, total_steps=%d,"
                  + " total_samples=%d",
              currentEpoch, totalSteps, totalSamples));
    }
    completedChunks = List.copyOf(completedChunks);
    inProgressChunks = List.copyOf(inProgressChunks);
  }

  /**
   * Returns an empty ledger for a dataset: epoch 0, no completions, zero totals.
   *
   * @param datasetFingerprint The fingerprint of the dataset content.
   * @param samplesPerBlock The block size in samples.
   * @param datasetChunkSize The chunk size in samples.
   * @param totalBlocks The number of blocks of the dataset.
   */
  public static LedgerState empty(
      String datasetFingerprint, int samplesPerBlock, int datasetChunkSize, int totalBlocks) {

    return new LedgerState(
        SCHEMA_VERSION,
        Optional.of(datasetFingerprint),
        OptionalInt.of(samplesPerBlock),
        OptionalInt.of(datasetChunkSize),
        OptionalInt.of(totalBlocks),
        0,
        0,
        0,
        List.of(),
        List.of());
  }

  /** Returns the completions recorded in {@link #currentEpoch()}, in recording order. */
  public List<CompletedChunk> completedInCurrentEpoch() {
    List<CompletedChunk> inEpoch = new ArrayList<>();
    for (CompletedChunk chunk : completedChunks) {
      if (chunk.epoch() == currentEpoch) {
        inEpoch.add(chunk);
      }
    }
    return List.copyOf(inEpoch);
  }

  /**
   * Checks that this ledger belongs to the given dataset and chunking. A field that an older file
   * did not record is not compared.
   *
   * @param fingerprint The fingerprint of the current dataset content.
   * @param expectedSamplesPerBlock The current block size in samples.
   * @param expectedChunkSize The current chunk size in samples.
   * @throws IncompatibleLedgerException if a recorded value differs. The caller then either trains
   *     anyway ({@code --force-train}) or starts a new run with a fresh ledger.
   */
  public void checkCompatible(
      String fingerprint, int expectedSamplesPerBlock, int expectedChunkSize) {

    List<String> mismatches = new ArrayList<>();
    datasetFingerprint
        .filter(found -> !found.equals(fingerprint))
        .ifPresent(found -> mismatches.add(mismatch("dataset_fingerprint", found, fingerprint)));
    samplesPerBlock.ifPresent(
        found -> addIfDifferent(mismatches, "samples_per_block", found, expectedSamplesPerBlock));
    datasetChunkSize.ifPresent(
        found -> addIfDifferent(mismatches, "dataset_chunk_size", found, expectedChunkSize));

    if (!mismatches.isEmpty()) {
      throw new IncompatibleLedgerException(mismatches);
    }
  }

  private static void addIfDifferent(List<String> mismatches, String key, int found, int expected) {
    if (found != expected) {
      mismatches.add(mismatch(key, String.valueOf(found), String.valueOf(expected)));
    }
  }

  private static String mismatch(String key, String ledgerValue, String datasetValue) {
    return String.format("%s: ledger %s, current dataset %s", key, ledgerValue, datasetValue);
  }
}
