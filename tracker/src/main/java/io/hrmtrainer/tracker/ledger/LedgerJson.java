package io.hrmtrainer.tracker.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps a {@link LedgerState} to and from its JSON form, including the key names of older files.
 *
 * <p>Reading reports problems as {@link FormatProblem} and {@link VersionProblem}, which {@link
 * LedgerStore} turns into messages that name the file.
 */
final class LedgerJson {

  /** The content does not match the ledger format; the message names the field and the value. */
  static final class FormatProblem extends Exception {
    private static final long serialVersionUID = 1L;

    FormatProblem(String message) {
      super(message);
    }
  }

  /** The file declares a schema version newer than {@link LedgerState#SCHEMA_VERSION}. */
  static final class VersionProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final long foundVersion;

    VersionProblem(long foundVersion) {
      super("schema_version " + foundVersion);
      this.foundVersion = foundVersion;
    }

    long foundVersion() {
      return foundVersion;
    }
  }

  private LedgerJson() {}

  /**
   * Reads a ledger from {@code parser}, positioned before the root object.
   *
   * <p>Entries are read one at a time, so memory stays near the size of the resulting {@link
   * LedgerState} rather than a JSON tree of the whole file.
   */
  static LedgerState read(JsonParser parser) throws IOException, FormatProblem, VersionProblem {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new FormatProblem("expected a JSON object, found " + describe(first, parser));
    }

    ObjectNode header = JsonNodeFactory.instance.objectNode();
    List<CompletedChunk> completed = new ArrayList<>();
    List<InProgressChunk> inProgress = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME;
        token = parser.nextToken()) {
      String key = parser.currentName();
      parser.nextToken();
      switch (key) {
        case "completed_chunks" -> readEntries(parser, key, LedgerJson::completedEntry, completed);
        case "in_progress_chunks" ->
            readEntries(parser, key, LedgerJson::inProgressEntry, inProgress);
        default -> header.set(key, parser.readValueAsTree());
      }
      checkVersion(header);
    }
    if (parser.nextToken() != null) {
      throw new FormatProblem("unexpected content after the ledger object");
    }

    return build(header, completed, inProgress);
  }

  private static void checkVersion(JsonNode header) throws FormatProblem, VersionProblem {
    long version = optionalLong(header, "schema_version", "schema_version").orElse(0L);
    if (version > LedgerState.SCHEMA_VERSION) {
      throw new VersionProblem(version);
    }
  }

  private static LedgerState build(
      JsonNode header, List<CompletedChunk> completed, List<InProgressChunk> inProgress)
      throws FormatProblem {

    long version = optionalLong(header, "schema_version", "schema_version").orElse(0L);
    long stepSum = completed.stream().mapToLong(CompletedChunk::steps).sum();
    long sampleSum = completed.stream().mapToLong(CompletedChunk::samples).sum();
    return new LedgerState(
        (int) Math.max(version, 0),
        readFingerprint(header),
        optionalInt(header, "samples_per_block"),
        optionalInt(header, "dataset_chunk_size"),
        optionalInt(header, "total_blocks_in_dataset"),
        currentEpoch(header),
        nonNegative(header, "total_steps", stepSum, "total_true_steps"),
        nonNegative(header, "total_samples", sampleSum, "total_samples_trained"),
        completed,
        inProgress);
  }

  static void write(JsonGenerator gen, LedgerState state) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("schema_version", LedgerState.SCHEMA_VERSION);
    if (state.datasetFingerprint().isPresent()) {
      gen.writeStringField("dataset_fingerprint", state.datasetFingerprint().get());
    }
    writeIfPresent(gen, "samples_per_block", state.samplesPerBlock());
    writeIfPresent(gen, "dataset_chunk_size", state.datasetChunkSize());
    writeIfPresent(gen, "total_blocks_in_dataset", state.totalBlocksInDataset());
    gen.writeNumberField("current_epoch", state.currentEpoch());
    gen.writeNumberField("total_steps", state.totalSteps());
    gen.writeNumberField("total_samples", state.totalSamples());

    gen.writeArrayFieldStart("completed_chunks");
    for (CompletedChunk chunk : state.completedChunks()) {
      writeCompleted(gen, chunk);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("in_progress_chunks");
    for (InProgressChunk chunk : state.inProgressChunks()) {
      gen.writeStartObject();
      gen.writeNumberField("block_id", chunk.position().blockId());
      gen.writeNumberField("chunk_id", chunk.position().chunkId());
      gen.writeNumberField("worker_id", chunk.workerId());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  private static void writeCompleted(JsonGenerator gen, CompletedChunk chunk) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("block_id", chunk.position().blockId());
    gen.writeNumberField("chunk_id", chunk.position().chunkId());
    gen.writeNumberField("gpu_id", chunk.gpuId());
    gen.writeNumberField("optimizer_step", chunk.optimizerStep());
    gen.writeNumberField("steps", chunk.steps());
    gen.writeNumberField("samples", chunk.samples());
    gen.writeNumberField("epoch", chunk.epoch());
    if (chunk.completedAt().isPresent()) {
      gen.writeStringField("completed_at", chunk.completedAt().get().toString());
    }
    gen.writeEndObject();
  }

  private static void writeIfPresent(JsonGenerator gen, String key, OptionalInt value)
      throws IOException {

    if (value.isPresent()) {
      gen.writeNumberField(key, value.getAsInt());
    }
  }

  /** Converts one JSON entry of an array; {@code where} names it in messages. */
  @FunctionalInterface
  private interface EntryReader<T> {
    T read(JsonNode entry, String where) throws FormatProblem;
  }

  private static <T> void readEntries(
      JsonParser parser, String key, EntryReader<T> reader, List<T> into)
      throws IOException, FormatProblem {

    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new FormatProblem(
          key + " is " + describe(parser.readValueAsTree()) + "; expected an array");
    }
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      String where = key + "[" + into.size() + "]";
      JsonNode entry = parser.readValueAsTree();
      if (entry == null || !entry.isObject()) {
        throw new FormatProblem(where + " is " + describe(entry) + "; expected an object");
      }
      into.add(reader.read(entry, where));
    }
  }

  private static CompletedChunk completedEntry(JsonNode entry, String where)
      throws FormatProblem {

    return new CompletedChunk(
        position(entry, where),
        intCount(entry, where, "gpu_id", 0, "worker_id"),
        count(entry, where + ".", "optimizer_step", 0, "step"),
        intCount(entry, where, "steps", 0, "true_steps"),
        count(entry, where + ".", "samples", 0, "samples_trained"),
        intCount(entry, where, "epoch", 0),
        completedAt(entry, where));
  }

  private static InProgressChunk inProgressEntry(JsonNode entry, String where)
      throws FormatProblem {

    return new InProgressChunk(position(entry, where), intCount(entry, where, "worker_id", 0, "gpu_id"));
  }

  private static int currentEpoch(JsonNode root) throws FormatProblem {
    long epoch = nonNegative(root, "current_epoch", 0);
    checkIntRange("current_epoch", epoch);
    return (int) epoch;
  }

  private static ChunkPosition position(JsonNode entry, String where) throws FormatProblem {
    String blockKey = where + ".block_id";
    String chunkKey = where + ".chunk_id";
    long block = optionalLong(entry, "block_id", blockKey).orElseThrow(() -> missing(blockKey));
    long chunk = optionalLong(entry, "chunk_id", chunkKey).orElseThrow(() -> missing(chunkKey));
    checkIntRange(blockKey, block);
    checkIntRange(chunkKey, chunk);
    return new ChunkPosition((int) block, (int) chunk);
  }

  private static Optional<Instant> completedAt(JsonNode entry, String where)
      throws FormatProblem {

    JsonNode value = entry.get("completed_at");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      // Older writers stored seconds since the Unix epoch as a float.
      double seconds = value.asDouble();
      long whole = (long) Math.floor(seconds);
      long nanos = Math.round((seconds - whole) * 1e9);
      return Optional.of(Instant.ofEpochSecond(whole, nanos));
    }
    try {
      return Optional.of(Instant.parse(value.asText()));
    } catch (DateTimeParseException e) {
      throw new FormatProblem(
          String.format(
              "%s.completed_at is %s; expected an ISO-8601 instant such as"
                  + " 2024-05-01T12:00:00Z",
              where, describe(value)));
    }
  }

  private static Optional<String> readFingerprint(JsonNode root) throws FormatProblem {
    JsonNode value = root.get("dataset_fingerprint");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new FormatProblem("dataset_fingerprint is " + describe(value) + "; expected a string");
    }
    return Optional.of(value.asText());
  }

  private static OptionalInt optionalInt(JsonNode root, String key) throws FormatProblem {
    Optional<Long> value = optionalLong(root, key, key);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    checkIntRange(key, value.get());
    return OptionalInt.of(value.get().intValue());
  }

  /** Reads a top-level count: {@code key}, else the first present old key, else the fallback. */
  private static long nonNegative(JsonNode root, String key, long fallback, String... oldKeys)
      throws FormatProblem {

    return count(root, "", key, fallback, oldKeys);
  }

  /** Reads a count of an entry that must fit in an {@code int}. */
  private static int intCount(
      JsonNode entry, String where, String key, long fallback, String... oldKeys)
      throws FormatProblem {

    long value = count(entry, where + ".", key, fallback, oldKeys);
    checkIntRange(where + "." + key, value);
    return (int) value;
  }

  /** Reads {@code key}, else the first present old key, else {@code fallback}; never negative. */
  private static long count(
      JsonNode node, String prefix, String key, long fallback, String... oldKeys)
      throws FormatProblem {

    Optional<Long> value = optionalLong(node, key, prefix + key);
    String found = key;
    for (int i = 0; value.isEmpty() && i < oldKeys.length; i++) {
      value = optionalLong(node, oldKeys[i], prefix + oldKeys[i]);
      found = oldKeys[i];
    }
    long result = value.orElse(fallback);
    if (result < 0) {
      throw new FormatProblem(
          String.format("%s%s is %d; expected a count >= 0", prefix, found, result));
    }
    return result;
  }

  /** Reads a whole number; {@code 12.0} is accepted because older writers produced floats. */
  private static Optional<Long> optionalLong(JsonNode node, String key, String label)
      throws FormatProblem {

    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(value.longValue());
    }
    if (value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble())
        && Math.abs(value.asDouble()) < 0x1p53) {
      return Optional.of((long) value.asDouble());
    }
    throw new FormatProblem(
        String.format("%s is %s; expected a whole number", label, describe(value)));
  }

  private static void checkIntRange(String label, long value) throws FormatProblem {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new FormatProblem(
          String.format("%s is %d; expected a value in [0, %d]", label, value, Integer.MAX_VALUE));
    }
  }

  private static FormatProblem missing(String label) {
    return new FormatProblem(label + " is missing");
  }

  private static String describe(JsonToken token, JsonParser parser) throws IOException {
    return token == null ? "nothing (the file is empty)" : describe(parser.readValueAsTree());
  }

  private static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing (the file is empty)";
    }
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
