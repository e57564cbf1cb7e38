package io.hrmtrainer.bench;

import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.dataset.ChunkReader;
import io.hrmtrainer.core.dataset.DatasetManifest;
import io.hrmtrainer.core.dataset.DatasetSource;
import io.hrmtrainer.core.dataset.ManifestBuilder;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.core.position.ChunkPosition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures manifest building and the time to the first batch at the first and at the last chunk of
 * a large plain text file.
 *
 * <p>Usage: {@code DatasetBench [--dir bench-data] [--size-mb 512] [--samples-per-block 100000]
 * [--chunk-size 4000] [--repeats 7] [--build-repeats 3]}. The file is generated under {@code --dir}
 * on the first run and reused later. Every number is taken with the file in the page cache (the
 * first manifest build warms it), so the results compare code paths, not disks. {@code
 * scripts/bench-dataset.sh} runs this class and {@code wc -l} on the same file.
 */
public final class DatasetBench {

  /**
   * The benchmark settings.
   *
   * @param dir The directory for the generated file and the manifest cache.
   * @param sizeMegabytes The minimum file size in MiB.
   * @param samplesPerBlock The block size in samples.
   * @param chunkSize The chunk size in samples.
   * @param repeats How often each first-batch read and cache load is timed.
   * @param buildRepeats How often the manifest build is timed.
   */
  public record Options(
      Path dir,
      long sizeMegabytes,
      int samplesPerBlock,
      int chunkSize,
      int repeats,
      int buildRepeats) {

    /** Returns the defaults: 512 MiB in {@code bench-data}, 100000/4000, 7 and 3 repeats. */
    public static Options defaults() {
      return new Options(Path.of("bench-data"), 512, 100_000, 4_000, 7, 3);
    }

    /**
     * Reads {@code --name value} pairs over the defaults.
     *
     * @throws IllegalArgumentException for an unknown flag or a missing value.
     */
    public static Options parse(String... args) {
      Options options = defaults();
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(
              "flag " + args[i] + " is missing its value: expected " + args[i] + " <value>");
        }
        options = options.with(args[i], args[i + 1]);
      }
      return options;
    }

    private Options with(String flag, String value) {
      switch (flag) {
        case "--dir":
          return new Options(
              Path.of(value), sizeMegabytes, samplesPerBlock, chunkSize, repeats, buildRepeats);
        case "--size-mb":
          return new Options(
              dir, Long.parseLong(value), samplesPerBlock, chunkSize, repeats, buildRepeats);
        case "--samples-per-block":
          return new Options(
              dir, sizeMegabytes, Integer.parseInt(value), chunkSize, repeats, buildRepeats);
        case "--chunk-size":
          return new Options(
              dir, sizeMegabytes, samplesPerBlock, Integer.parseInt(value), repeats, buildRepeats);
        case "--repeats":
          return new Options(
              dir, sizeMegabytes, samplesPerBlock, chunkSize, Integer.parseInt(value), buildRepeats);
        case "--build-repeats":
          return new Options(
              dir, sizeMegabytes, samplesPerBlock, chunkSize, repeats, Integer.parseInt(value));
        default:
          throw new IllegalArgumentException(
              "unknown flag " + flag + ": expected --dir, --size-mb, --samples-per-block,"
                  + " --chunk-size, --repeats or --build-repeats");
      }
    }
  }

  /**
   * The measurements of one benchmark run.
   *
   * @param data The file measured.
   * @param manifest The manifest built for it.
   * @param build Manifest build times.
   * @param cacheLoad Times to load the manifest from the cache, the file unchanged.
   * @param firstChunk Times to open a reader and read chunk (0, 0).
   * @param lastFullChunk Times to open a reader and read the last chunk of full size.
   * @param lastChunk Times to open a reader and read the last chunk.
   * @param naiveScanToLastChunkNanos Time to reach the last chunk by reading lines from the start.
   */
  public record Result(
      BenchData.GeneratedFile data,
      DatasetManifest manifest,
      Timings build,
      Timings cacheLoad,
      Timings firstChunk,
      Timings lastFullChunk,
      Timings lastChunk,
      long naiveScanToLastChunkNanos) {}

  private static final int WARM_UP_READS = 20;

  private DatasetBench() {}

  /** Runs the benchmark with the flags described in the class comment and prints the results. */
  public static void main(String[] args) throws IOException {
    Result result = run(Options.parse(args), System.out);
    print(result, System.out);
  }

  /** Runs the benchmark, reporting the steps to {@code log}, and returns the measurements. */
  public static Result run(Options options, PrintStream log) throws IOException {
    long minBytes = options.sizeMegabytes() << 20;
    log.printf("preparing a text file of at least %d MiB in %s%n", options.sizeMegabytes(),
        options.dir().toAbsolutePath());
    BenchData.GeneratedFile data = BenchData.ensure(options.dir(), minBytes);
    log.printf("%s %s%n", data.reused() ? "reusing" : "generated", data.file());
    DatasetSource source = DatasetSource.text(data.file());

    Timings build = new Timings();
    DatasetManifest manifest = null;
    for (int i = 0; i < options.buildRepeats(); i++) {
      long start = System.nanoTime();
      manifest =
          ManifestBuilder.build(source, options.samplesPerBlock(), options.chunkSize());
      build.add(System.nanoTime() - start);
    }
    checkSampleCount(manifest, data);
    Timings cacheLoad = timeCacheLoads(options, source);

    ChunkPosition last = lastChunk(manifest);
    warmUp(manifest);
    Timings firstChunk = new Timings();
    Timings lastFullChunk = new Timings();
    Timings lastChunk = new Timings();
    for (int i = 0; i < options.repeats(); i++) {
      firstChunk.add(timeFirstBatch(manifest, ChunkPosition.ORIGIN));
      lastFullChunk.add(timeFirstBatch(manifest, lastFullChunk(manifest)));
      lastChunk.add(timeFirstBatch(manifest, last));
    }
    long naive = timeNaiveScan(data.file(), manifest.layout().firstSampleOf(last));
    return new Result(
        data, manifest, build, cacheLoad, firstChunk, lastFullChunk, lastChunk, naive);
  }

  private static Timings timeCacheLoads(Options options, DatasetSource source)
      throws IOException {

    ManifestCache cache = new ManifestCache(options.dir().resolve("manifest-cache"));
    cache.loadOrBuild(source, options.samplesPerBlock(), options.chunkSize(), BuildProgress.NONE);
    Timings loads = new Timings();
    for (int i = 0; i < options.repeats(); i++) {
      long start = System.nanoTime();
      ManifestCache.LoadedManifest loaded =
          cache.loadOrBuild(
              source, options.samplesPerBlock(), options.chunkSize(), BuildProgress.NONE);
      loads.add(System.nanoTime() - start);
      if (!loaded.fromCache()) {
        throw new IllegalStateException("the manifest cache rebuilt an unchanged file");
      }
    }
    return loads;
  }

  /** Returns the last chunk of the dataset. */
  static ChunkPosition lastChunk(DatasetManifest manifest) {
    int lastBlock = manifest.totalBlocks() - 1;
    return ChunkPosition.of(lastBlock, manifest.chunksInBlock(lastBlock) - 1);
  }

  /** Returns the last chunk with as many samples as chunk (0, 0). */
  static ChunkPosition lastFullChunk(DatasetManifest manifest) {
    int size = manifest.samplesInChunk(ChunkPosition.ORIGIN);
    for (int block = manifest.totalBlocks() - 1; block >= 0; block--) {
      for (int chunk = manifest.chunksInBlock(block) - 1; chunk >= 0; chunk--) {
        if (manifest.samplesInChunk(ChunkPosition.of(block, chunk)) == size) {
          return ChunkPosition.of(block, chunk);
        }
      }
    }
    return ChunkPosition.ORIGIN;
  }

  // The first reads of a JVM run interpreted code. Untimed reads of a middle chunk compile the read
  // path first, so the timed reads compare positions rather than JIT stages.
  private static void warmUp(DatasetManifest manifest) throws IOException {
    ChunkPosition middle = ChunkPosition.of(manifest.totalBlocks() / 2, 0);
    for (int i = 0; i < WARM_UP_READS; i++) {
      timeFirstBatch(manifest, middle);
    }
  }

  /** Opens a reader, reads one chunk and returns the elapsed nanoseconds. */
  private static long timeFirstBatch(DatasetManifest manifest, ChunkPosition position)
      throws IOException {

    long start = System.nanoTime();
    List<String> samples;
    long decoded;
    try (ChunkReader reader = ChunkReader.open(manifest)) {
      samples = reader.readChunk(position);
      decoded = reader.decodedSamples();
    }
    long elapsed = System.nanoTime() - start;
    if (samples.size() != manifest.samplesInChunk(position) || decoded != samples.size()) {
      throw new IllegalStateException(
          String.format(
              "chunk %s gave %d samples with %d decoded: expected %d of each",
              position, samples.size(), decoded, manifest.samplesInChunk(position)));
    }
    return elapsed;
  }

  /** Reads lines from the start until {@code samplesToSkip} samples are passed, as without seek. */
  private static long timeNaiveScan(Path file, long samplesToSkip) throws IOException {
    long start = System.nanoTime();
    long seen = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (seen < samplesToSkip && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          seen++;
        }
      }
    }
    return System.nanoTime() - start;
  }

  private static void checkSampleCount(DatasetManifest manifest, BenchData.GeneratedFile data) {
    if (manifest.sampleCount() != data.samples()) {
      throw new IllegalStateException(
          String.format(
              "the manifest counts %d samples in %s: expected %d, as written",
              manifest.sampleCount(), data.file(), data.samples()));
    }
  }

  /** Prints the results as Markdown table rows. */
  public static void print(Result result, PrintStream out) {
    DatasetManifest manifest = result.manifest();
    double megabytes = result.data().sizeBytes() / 1e6;
    double buildSeconds = result.build().medianNanos() / 1e9;
    out.printf("file: %s, %d bytes (%.1f MB), %d lines, %d samples%n",
        result.data().file(), result.data().sizeBytes(), megabytes, result.data().lines(),
        result.data().samples());
    out.printf("layout: %s%n%n", manifest.blockSummary());
    out.println("| measurement | result |");
    out.println("|---|---|");
    out.printf("| manifest build, %d runs | %s |%n", result.build().count(),
        result.build().toMillisText());
    out.printf("| manifest build throughput (median) | %.0f MB/s, %.2f M lines/s |%n",
        megabytes / buildSeconds, result.data().lines() / buildSeconds / 1e6);
    out.printf("| manifest load from cache | %s |%n", result.cacheLoad().toMillisText());
    out.printf("| first batch at chunk (0, 0): open + read %d samples | %s |%n",
        manifest.samplesInChunk(ChunkPosition.ORIGIN), result.firstChunk().toMillisText());
    ChunkPosition lastFull = lastFullChunk(manifest);
    out.printf("| first batch at the last full chunk %s: open + read %d samples | %s |%n",
        lastFull, manifest.samplesInChunk(lastFull), result.lastFullChunk().toMillisText());
    ChunkPosition last = lastChunk(manifest);
    out.printf("| first batch at the last chunk %s: open + read %d samples | %s |%n",
        last, manifest.samplesInChunk(last), result.lastChunk().toMillisText());
    out.printf("| naive line scan up to the last chunk (BufferedReader), once | %.3f ms |%n",
        result.naiveScanToLastChunkNanos() / 1e6);
  }
}
