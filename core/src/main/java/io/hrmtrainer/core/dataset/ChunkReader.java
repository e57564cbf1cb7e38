package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the samples of one chunk by seeking straight to the chunk's byte offset from the manifest.
 *
 * <p>A read positions the file channel at the chunk's first sample and decodes only that chunk's
 * samples. Reading the last chunk of a large file therefore costs the same as reading the first.
 * {@link #decodedSamples()} counts the samples decoded so far, which makes the seek observable.
 * Before each read the file's size and last-modified time are compared with the manifest, and a
 * changed file raises {@link StaleManifestException} instead of returning wrong samples.
 *
 * <p>Text samples are the line without its line ending, decoded as UTF-8 (malformed bytes become
 * U+FFFD). JSONL samples are the text field, or the text fields joined with {@link
 * DatasetSource#FIELD_SEPARATOR}.
 *
 * <p>Not thread-safe: open one reader per worker and close it when done.
 */
public final class ChunkReader implements AutoCloseable {

  private static final int INITIAL_BUFFER_BYTES = 256 * 1024;

  private final DatasetManifest manifest;
  private final FileChannel channel;
  private final LineScanner scanner;
  private long decodedSamples;

  private ChunkReader(DatasetManifest manifest, FileChannel channel) {
    this.manifest = manifest;
    this.channel = channel;
    this.scanner = new LineScanner(channel, INITIAL_BUFFER_BYTES);
  }

  /**
   * Opens the manifest's dataset file for reading.
   *
   * @throws StaleManifestException if the file changed or vanished since the manifest was built;
   *     build the manifest again.
   * @throws IOException if the file cannot be opened.
   */
  public static ChunkReader open(DatasetManifest manifest) throws IOException {
    manifest.checkCurrent();
    try {
      FileChannel channel = FileChannel.open(manifest.dataset(), StandardOpenOption.READ);
      return new ChunkReader(manifest, channel);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new StaleManifestException(
          String.format(
              "the manifest of %s is stale: the file cannot be opened (%s);"
                  + " restore the file or rebuild the manifest",
              manifest.dataset(), e));
    }
  }

  /** Returns the manifest this reader follows. */
  public DatasetManifest manifest() {
    return manifest;
  }

  /** Returns the number of samples this reader has decoded since it was opened. */
  public long decodedSamples() {
    return decodedSamples;
  }

  /**
   * Returns the samples of the chunk at {@code position}, in file order.
   *
   * @return An unmodifiable list of {@link DatasetManifest#samplesInChunk} samples.
   * @throws IndexOutOfBoundsException if the position is not in the manifest's layout; check it
   *     with {@link DatasetManifest#contains(ChunkPosition)}.
   * @throws StaleManifestException if the file changed since the manifest was built.
   * @throws IOException if reading fails.
   */
  public List<String> readChunk(ChunkPosition position) throws IOException {
    int expected = manifest.samplesInChunk(position);
    manifest.checkCurrent();

    long index = manifest.chunksBefore(position);
    long start = manifest.offsetOfChunk(index);
    List<String> samples = new ArrayList<>(expected);
    scanner.scan(
        start,
        manifest.endOfChunk(index),
        LineScanner.ByteSink.NONE,
        (bytes, from, to, offset) -> {
          if (LineScanner.isBlank(bytes, from, to)) {
            return true;
          }
          samples.add(decode(bytes, from, to, offset));
          return samples.size() < expected;
        });
    if (samples.size() != expected) {
      throw mismatch(
          String.format(
              "found %d samples in chunk %s, expected %d", samples.size(), position, expected));
    }
    return Collections.unmodifiableList(samples);
  }

  /**
   * Returns sample {@code sampleIndex} (0-based over the whole dataset), seeking to its chunk and
   * skipping the samples before it in that chunk without decoding them.
   *
   * @throws IndexOutOfBoundsException if the index is not in {@code [0, sampleCount())}.
   * @throws StaleManifestException if the file changed since the manifest was built.
   * @throws IOException if reading fails.
   */
  public String readSample(long sampleIndex) throws IOException {
    ChunkPosition position = manifest.layout().positionOfSample(sampleIndex);
    long toSkip = sampleIndex - manifest.layout().firstSampleOf(position);
    manifest.checkCurrent();

    long index = manifest.chunksBefore(position);
    String[] found = new String[1];
    long[] skipped = {0};
    scanner.scan(
        manifest.offsetOfChunk(index),
        manifest.endOfChunk(index),
        LineScanner.ByteSink.NONE,
        (bytes, from, to, offset) -> {
          if (LineScanner.isBlank(bytes, from, to)) {
            return true;
          }
          if (skipped[0] < toSkip) {
            skipped[0]++;
            return true;
          }
          found[0] = decode(bytes, from, to, offset);
          return false;
        });
    if (found[0] == null) {
      throw mismatch(String.format("sample %d is missing from chunk %s", sampleIndex, position));
    }
    return found[0];
  }

  /** Closes the file. */
  @Override
  public void close() throws IOException {
    channel.close();
  }

  private String decode(byte[] bytes, int from, int to, long offset) {
    decodedSamples++;
    if (manifest.format() == DatasetFormat.TEXT) {
      return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
    try {
      return JsonlRecords.sampleOf(bytes, from, to, manifest.source().textFields());
    } catch (JsonlRecords.RecordProblem problem) {
      throw mismatch(String.format("the line at byte %d: %s", offset, problem.getMessage()));
    }
  }

  private StaleManifestException mismatch(String problem) {
    return new StaleManifestException(
        String.format(
            "the manifest of %s is stale: %s; the file no longer matches its manifest although its"
                + " size and time did not change; rebuild the manifest (delete the cached copy)",
            manifest.dataset(), problem));
  }
}
