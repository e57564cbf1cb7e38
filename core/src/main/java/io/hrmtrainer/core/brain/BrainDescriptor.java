package io.hrmtrainer.core.brain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of {@code brain.json}: the model architecture, the tokenizer, running totals, the
 * latest checkpoint and the history of runs.
 *
 * <p>The model specification is kept as a generic JSON object so that this module does not depend
 * on the model classes. Instances are immutable; the {@code with…} methods return modified copies.
 *
 * <p>A {@code brain.json} that cannot be read is never overwritten: {@link #read(BrainLayout)}
 * fails with {@link CorruptFileException}, and {@link #write(BrainLayout)} rejects replacing it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BrainDescriptor {

  /** The format version this release writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Running totals over all runs of a brain.
   *
   * @param optimizerSteps The optimizer steps taken.
   * @param samples The samples trained.
   * @param chunks The chunks trained and committed.
   */
  public record Totals(long optimizerSteps, long samples, long chunks) {

    /** Totals of a brain that never trained. */
    public static final Totals ZERO = new Totals(0, 0, 0);
  }

  /**
   * One run in a brain's history.
   *
   * @param runId The run id, as in telemetry.
   * @param startedAt When the run started.
   * @param endedAt When the run ended; null while it runs or when it was killed.
   * @param outcome How it ended, for example {@code complete}, {@code stopped} or {@code
   *     nothing_to_train}; null while it runs or when it was killed.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RunRecord(String runId, Instant startedAt, Instant endedAt, String outcome) {

    /** Checks that the run id and the start time are present. */
    public RunRecord {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Returns a record of a run that has just started. */
    public static RunRecord started(String runId, Instant startedAt) {
      return new RunRecord(runId, startedAt, null, null);
    }

    /** Returns this run, ended at {@code endedAt} with {@code outcome}. */
    public RunRecord withEnd(Instant endedAt, String outcome) {
      return new RunRecord(
          runId, startedAt, Objects.requireNonNull(endedAt), Objects.requireNonNull(outcome));
    }

    /** Returns whether the run recorded its end. */
    public boolean hasEnded() {
      return endedAt != null;
    }
  }

  private final int formatVersion;
  private final ObjectNode model;
  private final String tokenizer;
  private final Totals totals;
  private final String latestCheckpoint;
  private final List<RunRecord> history;

  @JsonCreator
  private BrainDescriptor(
      @JsonProperty("format_version") int formatVersion,
      @JsonProperty("model") ObjectNode model,
      @JsonProperty("tokenizer") String tokenizer,
      @JsonProperty("totals") Totals totals,
      @JsonProperty("latest_checkpoint") String latestCheckpoint,
      @JsonProperty("history") List<RunRecord> history) {

    this.formatVersion = formatVersion;
    this.model = model == null ? JsonFiles.mapper().createObjectNode() : model.deepCopy();
    this.tokenizer = tokenizer;
    this.totals = totals == null ? Totals.ZERO : totals;
    this.latestCheckpoint = latestCheckpoint;
    this.history = history == null ? List.of() : List.copyOf(history);
  }

  /**
   * Returns the descriptor of a new brain: no totals, no checkpoint, no history.
   *
   * @param model The model specification as a JSON object.
   * @param tokenizer The tokenizer name.
   */
  public static BrainDescriptor newBrain(ObjectNode model, String tokenizer) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tokenizer, "tokenizer");
    return new BrainDescriptor(FORMAT_VERSION, model, tokenizer, Totals.ZERO, null, List.of());
  }

  /**
   * Reads {@code brain.json} of {@code layout}, if it exists.
   *
   * @throws CorruptFileException if it exists but cannot be read; it is left unchanged.
   * @throws UnsupportedFormatException if its {@code format_version} is not {@value
   *     #FORMAT_VERSION}.
   * @throws IOException if it cannot be opened.
   */
  public static Optional<BrainDescriptor> read(BrainLayout layout) throws IOException {
    Path file = layout.brainJson();
    if (!Files.exists(file)) {
      return Optional.empty();
    }

    JsonNode tree = JsonFiles.readTree(file);
    if (!tree.isObject()) {
      throw new CorruptFileException(file, "it contains a JSON " + tree.getNodeType() + " where an object is expected", null);
    }
    JsonNode version = tree.path("format_version");
    if (!version.isInt()) {
      throw new CorruptFileException(
          file, "\"format_version\" is missing or not an integer", null);
    }
    if (version.intValue() != FORMAT_VERSION) {
      throw new UnsupportedFormatException(file, version.intValue(), String.valueOf(FORMAT_VERSION));
    }
    return Optional.of(JsonFiles.convert(file, tree, BrainDescriptor.class));
  }

  /**
   * Replaces {@code brain.json} of {@code layout} with this descriptor, atomically.
   *
   * @throws CorruptFileException if the existing {@code brain.json} cannot be read: it is never
   *     overwritten silently; restore it or move it aside first.
   * @throws IOException if the file cannot be written; the old one stays.
   */
  public void write(BrainLayout layout) throws IOException {
    Path file = layout.brainJson();
    if (Files.exists(file)) {
      JsonFiles.readTree(file);
    }
    JsonFiles.writeAtomically(file, this);
  }

  /** Returns the format version. */
  @JsonProperty("format_version")
  public int formatVersion() {
    return formatVersion;
  }

  /** Returns a copy of the model specification. */
  @JsonProperty("model")
  public ObjectNode model() {
    return model.deepCopy();
  }

  /** Returns the tokenizer name. */
  @JsonProperty("tokenizer")
  public String tokenizer() {
    return tokenizer;
  }

  /** Returns the totals over all runs. */
  @JsonProperty("totals")
  public Totals totals() {
    return totals;
  }

  /** Returns the name of the latest committed checkpoint, for example {@code ckpt-000012}. */
  public Optional<String> latestCheckpoint() {
    return Optional.ofNullable(latestCheckpoint);
  }

  /** Returns the runs, oldest first. */
  @JsonProperty("history")
  public List<RunRecord> history() {
    return history;
  }

  /** Returns a copy with {@code totals}. */
  public BrainDescriptor withTotals(Totals newTotals) {
    return new BrainDescriptor(
        formatVersion, model, tokenizer, Objects.requireNonNull(newTotals), latestCheckpoint, history);
  }

  /** Returns a copy whose latest checkpoint is {@code checkpointName}. */
  public BrainDescriptor withLatestCheckpoint(String checkpointName) {
    return new BrainDescriptor(
        formatVersion, model, tokenizer, totals, Objects.requireNonNull(checkpointName), history);
  }

  /**
   * Returns a copy with {@code run} in the history: it replaces the run with the same id, or is
   * appended.
   */
  public BrainDescriptor withRun(RunRecord run) {
    List<RunRecord> runs = new ArrayList<>(history);
    runs.removeIf(existing -> existing.runId().equals(run.runId()));
    int index = history.stream().map(RunRecord::runId).toList().indexOf(run.runId());
    runs.add(index < 0 ? runs.size() : index, run);
    return new BrainDescriptor(formatVersion, model, tokenizer, totals, latestCheckpoint, runs);
  }

  @JsonProperty("latest_checkpoint")
  private String latestCheckpointOrNull() {
    return latestCheckpoint;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof BrainDescriptor)) {
      return false;
    }
    BrainDescriptor that = (BrainDescriptor) other;
    return formatVersion == that.formatVersion
        && model.equals(that.model)
        && Objects.equals(tokenizer, that.tokenizer)
        && totals.equals(that.totals)
        && Objects.equals(latestCheckpoint, that.latestCheckpoint)
        && history.equals(that.history);
  }

  @Override
  public int hashCode() {
    return Objects.hash(formatVersion, model, tokenizer, totals, latestCheckpoint, history);
  }

  @Override
  public String toString() {
    return String.format(
        "BrainDescriptor[tokenizer=%s, totals=%s, latest=%s, runs=%d]",
        tokenizer, totals, latestCheckpoint, history.size());
  }
}
