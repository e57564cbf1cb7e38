package io.hrmtrainer.core.config;

/**
 * The default values of the optional training settings, as compile-time constants so that
 * front ends can show them (picocli annotations need constants).
 */
public final class TrainingDefaults {

  /** The default JSONL text field, {@value}. */
  public static final String TEXT_FIELD = "text";
  /** The default number of samples per block, {@value}. */
  public static final int SAMPLES_PER_BLOCK = 100_000;
  /** The default number of samples per chunk, {@value}. */
  public static final int DATASET_CHUNK_SIZE = 4_000;
  /** The default model preset name, {@value}. */
  public static final String MODEL_PRESET = "tiny";
  /** The default number of samples per optimizer step, {@value}. */
  public static final int BATCH_SIZE = 16;
  /** The default sequence length in byte tokens, {@value}. */
  public static final int MAX_SEQ_LEN = 64;
  /** The default peak learning rate, {@value}. */
  public static final double LEARNING_RATE = 1e-3;
  /** The default number of warm-up optimizer steps, {@value}. */
  public static final int WARMUP_STEPS = 20;
  /** The default number of cosine-decay optimizer steps after warm-up, {@value}. */
  public static final int LR_DECAY_STEPS = 10_000;
  /** The default final learning rate as a fraction of the peak rate, {@value}. */
  public static final double MIN_LR_RATIO = 0.1;
  /** The default AdamW weight decay, {@value}. */
  public static final double WEIGHT_DECAY = 0.01;
  /** The default maximum global gradient norm, {@value}. */
  public static final double GRAD_CLIP_NORM = 1.0;
  /** The default run seed, {@value}. */
  public static final long SEED = 42;
  /** The default number of epochs, {@value}. */
  public static final int EPOCHS = 1;
  /** The default number of trained chunks between checkpoints, {@value}. */
  public static final int CHECKPOINT_INTERVAL_CHUNKS = 10;
  /** The default number of checkpoints kept, {@value}. */
  public static final int KEEP_CHECKPOINTS = 3;
  /** The default device, {@value}. */
  public static final String DEVICE = "cpu";
  /** The default number of workers, {@value}. */
  public static final int WORKERS = 1;
  /** The name of the telemetry file inside the save directory when no log file is set. */
  public static final String METRICS_FILE_NAME = "metrics.jsonl";

  private TrainingDefaults() {}
}
