package io.hrmtrainer.core.brain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths inside a brain directory.
 *
 * <pre>
 * &lt;root&gt;/brain.json
 * &lt;root&gt;/metrics.jsonl
 * &lt;root&gt;/.lock
 * &lt;root&gt;/checkpoints/ckpt-000012/
 * &lt;root&gt;/datasets/&lt;dataset-key&gt;/chunk_tracker_state.json
 * </pre>
 *
 * <p>Path methods only compute paths; nothing is created or read. The {@code has…} queries look at
 * the file system. Instances are immutable and thread-safe.
 */
public final class BrainLayout {

  /** The descriptor file name. */
  public static final String BRAIN_JSON = "brain.json";

  /** The telemetry file name. */
  public static final String METRICS_JSONL = "metrics.jsonl";

  /** The lock file name. */
  public static final String LOCK_FILE = ".lock";

  /** The checkpoint directory name. */
  public static final String CHECKPOINTS_DIR = "checkpoints";

  /** The dataset ledger directory name. */
  public static final String DATASETS_DIR = "datasets";

  /** The ledger file name, inside a checkpoint and inside a dataset directory. */
  public static final String LEDGER_FILE = "chunk_tracker_state.json";

  /** The prefix of committed checkpoint directory names. */
  public static final String CHECKPOINT_PREFIX = "ckpt-";

  private static final Pattern CHECKPOINT_NAME = Pattern.compile("ckpt-(\\d{6,18})");

  private final Path root;

  private BrainLayout(Path root) {
    this.root = root;
  }

  /** Returns the layout of the brain directory {@code saveDir}, made absolute and normalised. */
  public static BrainLayout of(Path saveDir) {
    Objects.requireNonNull(saveDir, "saveDir");
    return new BrainLayout(saveDir.toAbsolutePath().normalize());
  }

  /**
   * Returns the directory name of checkpoint {@code sequence}, {@code ckpt-} and at least 6 digits.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative.
   */
  public static String checkpointName(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException(
          String.format("checkpoint sequence %d is negative; sequences start at 0", sequence));
    }
    return String.format("ckpt-%06d", sequence);
  }

  /**
   * Returns the sequence of a checkpoint directory name such as {@code ckpt-000012}, or empty if
   * {@code name} is not one.
   */
  public static OptionalLong parseCheckpointName(String name) {
    Matcher matcher = CHECKPOINT_NAME.matcher(name);
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(matcher.group(1)));
  }

  /** Returns the brain directory. */
  public Path root() {
    return root;
  }

  /** Returns {@code brain.json}. */
  public Path brainJson() {
    return root.resolve(BRAIN_JSON);
  }

  /** Returns {@code metrics.jsonl}. */
  public Path metricsJsonl() {
    return root.resolve(METRICS_JSONL);
  }

  /** Returns {@code .lock}. */
  public Path lockFile() {
    return root.resolve(LOCK_FILE);
  }

  /** Returns {@code checkpoints/}. */
  public Path checkpointsDir() {
    return root.resolve(CHECKPOINTS_DIR);
  }

  /**
   * Returns {@code checkpoints/ckpt-NNNNNN} for {@code sequence}.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative.
   */
  public Path checkpointDir(long sequence) {
    return checkpointsDir().resolve(checkpointName(sequence));
  }

  /** Returns {@code datasets/}. */
  public Path datasetsDir() {
    return root.resolve(DATASETS_DIR);
  }

  /**
   * Returns {@code datasets/<datasetKey>/}.
   *
   * @throws IllegalArgumentException if {@code datasetKey} is empty, {@code .} or {@code ..}, or
   *     contains a path separator. Dataset keys are single directory names.
   */
  public Path datasetDir(String datasetKey) {
    return datasetsDir().resolve(checkDatasetKey(datasetKey));
  }

  /**
   * Returns {@code datasets/<datasetKey>/chunk_tracker_state.json}, the newest committed ledger.
   *
   * @throws IllegalArgumentException if {@code datasetKey} is not a single directory name.
   */
  public Path ledgerFile(String datasetKey) {
    return datasetDir(datasetKey).resolve(LEDGER_FILE);
  }

  /** Returns whether the brain directory exists. */
  public boolean exists() {
    return Files.isDirectory(root);
  }

  /** Returns whether {@code brain.json} exists. */
  public boolean hasDescriptor() {
    return Files.exists(brainJson());
  }

  /** Returns whether a ledger exists for {@code datasetKey}. */
  public boolean hasLedger(String datasetKey) {
    return Files.exists(ledgerFile(datasetKey));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BrainLayout && ((BrainLayout) other).root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return root.toString();
  }

  private static String checkDatasetKey(String datasetKey) {
    Objects.requireNonNull(datasetKey, "datasetKey");
    if (datasetKey.isEmpty()
        || datasetKey.equals(".")
        || datasetKey.equals("..")
        || datasetKey.contains("/")
        || datasetKey.contains("\\")) {
      throw new IllegalArgumentException(
          String.format(
              "dataset key \"%s\" is not a single directory name; use letters, digits, '-', '_'"
                  + " and '.' only",
              datasetKey));
    }
    return datasetKey;
  }
}
