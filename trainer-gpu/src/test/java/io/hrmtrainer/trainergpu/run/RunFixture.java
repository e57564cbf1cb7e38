package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.config.TrainingConfigBuilder;
import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.core.telemetry.TelemetryReader;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import io.hrmtrainer.tracker.resolve.RunResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A small generated dataset and brain for run tests: 300 samples per block, chunks of 50, batches
 * of 16 and sequences of 32 tokens, so a chunk trains in a fraction of a second on the tiny preset.
 */
final class RunFixture {

  static final int SAMPLES_PER_BLOCK = 300;
  static final int CHUNK_SIZE = 50;

  final Path dataset;
  final Path saveDir;
  final Path cacheDir;

  private RunFixture(Path dataset, Path saveDir, Path cacheDir) {
    this.dataset = dataset;
    this.saveDir = saveDir;
    this.cacheDir = cacheDir;
  }

  /**
   * Writes a dataset of {@code lines} short lines under {@code root} and names a brain next to it.
   * With 900 lines it has 3 blocks of 6 chunks.
   */
  static RunFixture create(Path root, int lines) throws IOException {
    Path dataset = root.resolve("data.txt");
    Random random = new Random(7);
    String[] words = {"the", "king", "said", "to", "a", "fool", "and", "my", "lord", "go", "now"};
    List<String> text = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      StringBuilder line = new StringBuilder("l" + i);
      while (line.length() < 24) {
        line.append(' ').append(words[random.nextInt(words.length)]);
      }
      text.add(line.toString());
    }
    Files.write(dataset, text, StandardCharsets.UTF_8);
    Path cache = Files.createDirectories(root.resolve("cache"));
    return new RunFixture(dataset, root.resolve("brain"), cache);
  }

  /** Returns the fixture that {@link #create} wrote under {@code root} earlier. */
  static RunFixture existing(Path root) {
    return new RunFixture(root.resolve("data.txt"), root.resolve("brain"), root.resolve("cache"));
  }

  /** Returns a configuration of the tiny preset over this dataset and brain. */
  TrainingConfigBuilder config() {
    return TrainingConfig.builder()
        .setDatasetFile(dataset)
        .setSaveDir(saveDir)
        .optSamplesPerBlock(SAMPLES_PER_BLOCK)
        .optDatasetChunkSize(CHUNK_SIZE)
        .optBatchSize(16)
        .optMaxSeqLen(32)
        .optSeed(11)
        .optCheckpointIntervalChunks(2);
  }

  /** Resolves {@code config} with a manifest cache inside the test directory. */
  ResolvedRun resolve(TrainingConfig config) {
    return new RunResolver(new ManifestCache(cacheDir)).resolve(config, BuildProgress.NONE);
  }

  /** Resolves and runs {@code config} with the default options. */
  RunOutcome train(TrainingConfig config) throws IOException {
    return TrainingRun.builder(resolve(config)).build().execute();
  }

  BrainLayout brain() {
    return BrainLayout.of(saveDir);
  }

  /** Returns every event in the brain's metrics.jsonl. */
  List<TelemetryEvent> events() throws IOException {
    return TelemetryReader.readEvents(brain().metricsJsonl());
  }

  /** Returns the events named {@code name} of run {@code runId}, or of all runs when null. */
  List<TelemetryEvent> events(String name, String runId) throws IOException {
    return events().stream()
        .filter(e -> e.name().equals(name))
        .filter(e -> runId == null || e.runId().equals(runId))
        .toList();
  }

  /** Returns the chunk position named by an event's block_id and chunk_id. */
  static ChunkPosition positionOf(TelemetryEvent event) {
    return new ChunkPosition(intField(event, "block_id"), intField(event, "chunk_id"));
  }

  static int intField(TelemetryEvent event, String key) {
    return ((Number) event.field(key).orElseThrow()).intValue();
  }

  /** Returns the ledger stored in checkpoint {@code sequence}. */
  LedgerState checkpointLedger(long sequence) throws IOException {
    return LedgerStore.read(brain().checkpointDir(sequence).resolve(RunResolver.LEDGER_FILE));
  }

  /** Returns the positions a ledger records as trained in {@code epoch}, sorted. */
  static Set<ChunkPosition> trainedIn(LedgerState ledger, int epoch) {
    return ledger.completedChunks().stream()
        .filter(c -> c.epoch() == epoch)
        .map(CompletedChunk::position)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Returns the bytes of a checkpoint's file. */
  byte[] checkpointFile(long sequence, String file) throws IOException {
    return Files.readAllBytes(brain().checkpointDir(sequence).resolve(file));
  }

  /** Returns every position from {@code from} to the end of a layout of full blocks. */
  static List<ChunkPosition> positionsFrom(ChunkPosition from, int blocks) {
    int chunksPerBlock = SAMPLES_PER_BLOCK / CHUNK_SIZE;
    List<ChunkPosition> positions = new ArrayList<>();
    for (int block = 0; block < blocks; block++) {
      for (int chunk = 0; chunk < chunksPerBlock; chunk++) {
        ChunkPosition position = new ChunkPosition(block, chunk);
        if (position.compareTo(from) >= 0) {
          positions.add(position);
        }
      }
    }
    return positions;
  }
}
