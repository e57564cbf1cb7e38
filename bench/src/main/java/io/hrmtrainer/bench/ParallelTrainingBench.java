package io.hrmtrainer.bench;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import io.hrmtrainer.trainergpu.run.TrainingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Measures end-to-end training throughput of {@link TrainingRun} with 1 and more CPU workers:
 * the tiny preset on a generated text file, chunks of 50 samples, batch 16, sequence 64, one
 * checkpoint at the end.
 *
 * <p>Usage: {@code ParallelTrainingBench DIR [chunks] [workers...]} (default 24 chunks, workers 1
 * and 2). Each worker count trains a fresh brain under {@code DIR}; a first short run warms up the
 * engine. Reports chunks and samples per second over the whole run, commit included.
 */
public final class ParallelTrainingBench {

  private ParallelTrainingBench() {}

  /** Runs the benchmark and prints one line per worker count. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "bench-data/parallel"));
    int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    List<Integer> workerCounts = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      workerCounts.add(Integer.parseInt(args[i]));
    }
    if (workerCounts.isEmpty()) {
      workerCounts = List.of(1, 2);
    }
    Path dataset = writeDataset(dir.resolve("parallel.txt"), chunks * 50);
    train(dir, dataset, 1, 2, "warmup");
    System.out.printf(Locale.ROOT, "chunks: %d of 50 samples, cores: %d%n",
        chunks, Runtime.getRuntime().availableProcessors());
    for (int workers : workerCounts) {
      long began = System.nanoTime();
      RunOutcome outcome = train(dir, dataset, workers, chunks, "w" + workers);
      double seconds = (System.nanoTime() - began) / 1e9;
      System.out.printf(Locale.ROOT,
          "workers %d: %d chunks in %.2f s: %.2f chunks/s, %.0f samples/s (%s)%n",
          workers, outcome.chunksTrained(), seconds, outcome.chunksTrained() / seconds,
          outcome.chunksTrained() * 50 / seconds, outcome.status());
    }
  }

  private static RunOutcome train(Path dir, Path dataset, int workers, int chunks, String name)
      throws Exception {
    TrainingConfig config =
        TrainingConfig.builder()
            .setDatasetFile(dataset)
            .setSaveDir(dir.resolve("brain-" + name + "-" + System.nanoTime()))
            .optSamplesPerBlock(1000)
            .optDatasetChunkSize(50)
            .optBatchSize(16)
            .optMaxSeqLen(64)
            .optMaxChunks(chunks)
            .optCheckpointIntervalChunks(1_000)
            .optWorkers(workers)
            .optParallelIndependent(workers > 1)
            .build();
    ManifestCache cache = new ManifestCache(dir.resolve("cache"));
    return TrainingRun.builder(new RunResolver(cache).resolve(config, BuildProgress.NONE))
        .build()
        .execute();
  }

  private static Path writeDataset(Path file, int lines) throws Exception {
    Random random = new Random(1);
    String[] words = {"the", "king", "said", "to", "a", "fool", "and", "my", "lord", "go", "now"};
    List<String> text = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      StringBuilder line = new StringBuilder();
      while (line.length() < 60) {
        line.append(words[random.nextInt(words.length)]).append(' ');
      }
      text.add(line.toString().trim());
    }
    Files.write(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
