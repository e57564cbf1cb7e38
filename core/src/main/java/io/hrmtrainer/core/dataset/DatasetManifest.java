package io.hrmtrainer.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.brain.AtomicFiles;
import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The layout of one dataset file cut into blocks and chunks, with the byte offset of every chunk so
 * that a reader can seek to any chunk in constant time.
 *
 * <p>A manifest records the file's absolute path, format and text fields, and its size and
 * last-modified time, which show whether it is still current. It also records a SHA-256
 * fingerprint of the content, the sample count, the block and chunk sizes, and the byte offset of
 * the first sample of every chunk, in claim order. Build one with {@link ManifestBuilder} or load
 * one with {@link ManifestCache}, and read chunks with {@link ChunkReader}. Every layout query is
 * O(1). Instances are immutable and safe to share between threads.
 *
 * <p>The JSON form ({@link #toJson()}) uses snake_case keys and carries {@code schema_version}
 * {@value #SCHEMA_VERSION}.
 */
public final class DatasetManifest implements DatasetLayout {

  /** The version of the JSON form written by {@link #toJson()}. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DatasetSource source;
  private final FileStamp stamp;
  private final String fingerprint;
  private final UniformLayout layout;
  private final long[] chunkOffsets;

  DatasetManifest(
      DatasetSource source,
      FileStamp stamp,
      String fingerprint,
      UniformLayout layout,
      long[] chunkOffsets) {

    this.source = Objects.requireNonNull(source, "source");
    this.stamp = Objects.requireNonNull(stamp, "stamp");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.chunkOffsets = chunkOffsets.clone();
    checkOffsets();
  }

  /** Returns the dataset file, absolute and normalised. */
  public Path dataset() {
    return source.file();
  }

  /** Returns the file, format and text fields this manifest was built from. */
  public DatasetSource source() {
    return source;
  }

  /** Returns the dataset's format. */
  public DatasetFormat format() {
    return source.format();
  }

  /** Returns the file's size and last-modified time when the manifest was built. */
  public FileStamp fileStamp() {
    return stamp;
  }

  /** Returns the file size in bytes when the manifest was built. */
  public long fileSizeBytes() {
    return stamp.sizeBytes();
  }

  /** Returns the SHA-256 of the whole file as 64 lower-case hex digits. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Returns the key of this dataset, block size and chunk size. */
  public DatasetKey key() {
    return DatasetKey.of(source.file(), layout.samplesPerBlock(), layout.chunkSize());
  }

  /** Returns the pure block and chunk arithmetic of this manifest. */
  public UniformLayout layout() {
    return layout;
  }

  @Override
  public long sampleCount() {
    return layout.sampleCount();
  }

  @Override
  public int samplesPerBlock() {
    return layout.samplesPerBlock();
  }

  @Override
  public int chunkSize() {
    return layout.chunkSize();
  }

  @Override
  public int totalBlocks() {
    return layout.totalBlocks();
  }

  @Override
  public int chunksInBlock(int blockId) {
    return layout.chunksInBlock(blockId);
  }

  @Override
  public int samplesInChunk(ChunkPosition position) {
    return layout.samplesInChunk(position);
  }

  @Override
  public long totalChunks() {
    return layout.totalChunks();
  }

  @Override
  public boolean contains(ChunkPosition position) {
    return layout.contains(position);
  }

  @Override
  public long chunksBefore(ChunkPosition position) {
    return layout.chunksBefore(position);
  }

  /**
   * Returns the byte offset of the first sample of the chunk at {@code position}.
   *
   * @throws IndexOutOfBoundsException if the position is not in the layout; check it with {@link
   *     #contains(ChunkPosition)}.
   */
  public long chunkOffset(ChunkPosition position) {
    layout.samplesInChunk(position); // bounds check with a message that names the range
    return chunkOffsets[(int) layout.chunksBefore(position)];
  }

  /** Returns the counts a user needs to see the layout at a glance. */
  public BlockSummary blockSummary() {
    return layout.blockSummary();
  }

  /**
   * Returns whether the file still has the size and last-modified time recorded here.
   *
   * @throws IOException if the file system operation fails.
   */
  public boolean isCurrent() throws IOException {
    try {
      return stamp.equals(FileStamp.of(source.file()));
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /**
   * Checks that the file still has the size and last-modified time recorded here.
   *
   * @throws StaleManifestException if it changed or is gone; build the manifest again.
   * @throws IOException if the file system operation fails.
   */
  public void checkCurrent() throws IOException {
    FileStamp now;
    try {
      now = FileStamp.of(source.file());
    } catch (InvalidInputException e) {
      throw new StaleManifestException(
          String.format(
              "the manifest of %s is stale: the file can no longer be read (%s);"
                  + " restore the file, or rebuild the manifest for the dataset you mean",
              source.file(), e.getMessage()));
    }
    if (!now.equals(stamp)) {
      throw new StaleManifestException(
          String.format(
              "the manifest of %s is stale: the file changed after the manifest was built"
                  + "%n  manifest: %s%n  file now: %s%n"
                  + "restart so that the manifest is rebuilt, and leave the dataset unchanged"
                  + " while training",
              source.file(), stamp, now));
    }
  }

  /** Returns the offset where the chunk with global index {@code index} starts. */
  long offsetOfChunk(long index) {
    return chunkOffsets[(int) index];
  }

  /** Returns the offset after the chunk with global index {@code index}: the next chunk's start. */
  long endOfChunk(long index) {
    return index + 1 < chunkOffsets.length ? chunkOffsets[(int) index + 1] : stamp.sizeBytes();
  }

  /** Returns the manifest as pretty-printed JSON with snake_case keys. */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("dataset", source.file().toString());
    root.put("format", source.format().jsonName());
    ArrayNode fields = root.putArray("text_fields");
    source.textFields().forEach(fields::add);
    root.put("file_size_bytes", stamp.sizeBytes());
    root.put("last_modified", stamp.lastModified().toString());
    root.put("fingerprint", fingerprint);
    root.put("sample_count", layout.sampleCount());
    root.put("samples_per_block", layout.samplesPerBlock());
    root.put("dataset_chunk_size", layout.chunkSize());
    root.put("total_blocks", layout.totalBlocks());
    root.put("total_chunks", layout.totalChunks());
    ArrayNode offsets = root.putArray("chunk_offsets");
    for (long offset : chunkOffsets) {
      offsets.add(offset);
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest tree failed to serialise", e);
    }
  }

  /**
   * Reads a manifest from its JSON form.
   *
   * @param json The text written by {@link #toJson()}.
   * @param origin Where the text came from (a file name), for messages.
   * @throws InvalidInputException if the text is not a manifest of a supported schema version or
   *     is inconsistent; the message names the origin and the problem. A cached manifest can be
   *     deleted and rebuilt.
   */
  public static DatasetManifest fromJson(String json, String origin) {
    return ManifestJson.parse(json, origin);
  }

  /**
   * Writes the manifest to {@code file} atomically.
   *
   * @throws IOException if the directory cannot be written; the old file is then left unchanged.
   */
  public void writeTo(Path file) throws IOException {
    AtomicFiles.write(file, toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Reads a manifest written by {@link #writeTo(Path)}.
   *
   * @throws InvalidInputException if the file is not a valid manifest; the message names it.
   * @throws IOException if the file cannot be read.
   */
  public static DatasetManifest readFrom(Path file) throws IOException {
    String json = Files.readString(file);
    return fromJson(json, file.toString());
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DatasetManifest)) {
      return false;
    }
    DatasetManifest that = (DatasetManifest) other;
    return source.equals(that.source)
        && stamp.equals(that.stamp)
        && fingerprint.equals(that.fingerprint)
        && layout.equals(that.layout)
        && Arrays.equals(chunkOffsets, that.chunkOffsets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, stamp, fingerprint, layout, Arrays.hashCode(chunkOffsets));
  }

  /** Describes the manifest in one line: the file and its block summary. */
  @Override
  public String toString() {
    return source.file() + ": " + layout.blockSummary();
  }

  private void checkOffsets() {
    if (chunkOffsets.length != layout.totalChunks()) {
      throw new IllegalArgumentException(
          String.format(
              "%d chunk offsets for %s: expected one per chunk, %d",
              chunkOffsets.length, layout.blockSummary(), layout.totalChunks()));
    }
    long previous = -1;
    for (long offset : chunkOffsets) {
      if (offset <= previous || offset >= stamp.sizeBytes()) {
        throw new IllegalArgumentException(
            String.format(
                "chunk offset %d is out of order or outside the file: expected increasing offsets"
                    + " below the file size %d",
                offset, stamp.sizeBytes()));
      }
      previous = offset;
    }
  }
}
