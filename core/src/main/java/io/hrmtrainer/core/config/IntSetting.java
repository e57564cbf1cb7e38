package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;

/**
 * The whole-number settings of a training run, each with its JSON key, its {@code hrm-hf train}
 * flag and its valid range.
 *
 * <p>{@link TrainingConfig}, {@link ModelSpec} and the front ends check values through these
 * constants, so a value out of range gets the same message wherever it comes from. Front ends that
 * parse flags as {@code long} pass the parsed value to {@link #check(long)}, which also rejects
 * values that do not fit in an {@code int}.
 */
public enum IntSetting {
  /** The number of samples in one dataset block. */
  SAMPLES_PER_BLOCK("samples_per_block", "--samples-per-block", 1, Integer.MAX_VALUE, "samples"),
  /** The number of samples in one chunk, at most the block size. */
  DATASET_CHUNK_SIZE(
      "dataset_chunk_size", "--dataset-chunk-size", 1, Integer.MAX_VALUE, "samples"),
  /** The number of samples in one optimizer step. */
  BATCH_SIZE("batch_size", "--batch-size", 1, Integer.MAX_VALUE, "samples"),
  /** The length of one training sequence in byte tokens. */
  MAX_SEQ_LEN("max_seq_len", "--max-seq-len", 8, 65_536, "byte tokens"),
  /** The optimizer steps of linear learning-rate warm-up. */
  WARMUP_STEPS("warmup_steps", "--warmup-steps", 0, Integer.MAX_VALUE, "optimizer steps"),
  /** The optimizer steps of cosine decay after warm-up. */
  LR_DECAY_STEPS("lr_decay_steps", "--lr-decay-steps", 1, Integer.MAX_VALUE, "optimizer steps"),
  /** The number of passes over the chunks at or after the start position. */
  EPOCHS("epochs", "--epochs", 1, Integer.MAX_VALUE, "epochs"),
  /** The number of chunks after which the run stops. */
  MAX_CHUNKS("max_chunks", "--max-chunks", 1, Integer.MAX_VALUE, "chunks"),
  /** The number of trained chunks between two checkpoints. */
  CHECKPOINT_INTERVAL_CHUNKS(
      "checkpoint_interval_chunks", "--checkpoint-every", 1, Integer.MAX_VALUE, "chunks"),
  /** The number of newest checkpoints kept in the brain directory. */
  KEEP_CHECKPOINTS("keep_checkpoints", "--keep-checkpoints", 1, Integer.MAX_VALUE, "checkpoints"),
  /** The number of model replicas that train in parallel. */
  WORKERS("workers", "--workers", 1, 256, "workers"),
  /** One CUDA device index in the list of devices for parallel training. */
  CUDA_ID("cuda_ids", "--cuda-ids", 0, Integer.MAX_VALUE, ""),
  /** The width of every hidden state of the model. */
  HIDDEN_SIZE("model.hidden_size", "--hidden-size", 1, Integer.MAX_VALUE, ""),
  /** The number of attention heads. */
  NUM_HEADS("model.num_heads", "--num-heads", 1, Integer.MAX_VALUE, "heads"),
  /** The number of transformer blocks in the high-level (H) module. */
  H_LAYERS("model.h_layers", "--h-layers", 1, Integer.MAX_VALUE, "layers"),
  /** The number of transformer blocks in the low-level (L) module. */
  L_LAYERS("model.l_layers", "--l-layers", 1, Integer.MAX_VALUE, "layers"),
  /** The number of outer H steps per forward pass. */
  H_CYCLES("model.h_cycles", "--h-cycles", 1, Integer.MAX_VALUE, "cycles"),
  /** The number of inner L steps per H step. */
  L_CYCLES("model.l_cycles", "--l-cycles", 1, Integer.MAX_VALUE, "cycles");

  private final String jsonKey;
  private final String flag;
  private final int min;
  private final int max;
  private final String unit;

  IntSetting(String jsonKey, String flag, int min, int max, String unit) {
    this.jsonKey = jsonKey;
    this.flag = flag;
    this.min = min;
    this.max = max;
    this.unit = unit;
  }

  /** Returns the key in the JSON form of the config, with a {@code model.} prefix if nested. */
  public String jsonKey() {
    return jsonKey;
  }

  /** Returns the {@code hrm-hf train} flag that sets this value, such as {@code --batch-size}. */
  public String flag() {
    return flag;
  }

  /** Returns the smallest valid value. */
  public int min() {
    return min;
  }

  /** Returns the largest valid value. */
  public int max() {
    return max;
  }

  /** Returns whether {@code value} lies in {@code [min(), max()]}. */
  public boolean accepts(long value) {
    return value >= min && value <= max;
  }

  /**
   * Returns {@code value} as an {@code int} after checking its range.
   *
   * @throws InvalidInputException if {@code value} is outside {@code [min(), max()]}; the message
   *     names the flag, the value, the range and a value to pass instead. Check with {@link
   *     #accepts(long)} first to avoid it.
   */
  public int check(long value) {
    if (!accepts(value)) {
      throw new InvalidInputException(
          String.format(
              "%s %d is out of range: expected %s (%s in JSON). Fix: %s.",
              flag, value, rule(value), jsonKey, fix()));
    }
    return (int) value;
  }

  private String rule(long value) {
    String kind = unit.isEmpty() ? "a whole number" : "a whole number of " + unit;
    boolean openEnded = max == Integer.MAX_VALUE && value <= max;
    return openEnded
        ? String.format("%s >= %d", kind, min)
        : String.format("%s from %d to %d", kind, min, max);
  }

  private String fix() {
    return max == Integer.MAX_VALUE
        ? String.format("pass %s %d or more", flag, min)
        : String.format("pass %s between %d and %d", flag, min, max);
  }
}
