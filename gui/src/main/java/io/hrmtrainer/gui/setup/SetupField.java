package io.hrmtrainer.gui.setup;

/** The inputs of the run setup form, each with the {@code hrm-hf train} flag it corresponds to. */
public enum SetupField {
  /** The dataset file. */
  DATASET_FILE("--dataset-file"),
  /** The JSONL fields that form a sample, separated by commas. */
  TEXT_FIELD("--text-field"),
  /** The brain (save) directory. */
  SAVE_DIR("--save-dir"),
  /** The number of samples per block. */
  SAMPLES_PER_BLOCK("--samples-per-block"),
  /** The number of samples per chunk. */
  CHUNK_SIZE("--dataset-chunk-size"),
  /** The number of samples per optimizer step. */
  BATCH_SIZE("--batch-size"),
  /** The sequence length in byte tokens. */
  MAX_SEQ_LEN("--max-seq-len"),
  /** The peak learning rate. */
  LEARNING_RATE("--lr"),
  /** The number of epochs. */
  EPOCHS("--epochs"),
  /** The optional limit of chunks to train in the run. */
  MAX_CHUNKS("--max-chunks"),
  /** The device: cpu, cuda or cuda:N. */
  DEVICE("--device"),
  /** The number of parallel-independent workers. */
  WORKERS("--workers");

  private final String flag;

  SetupField(String flag) {
    this.flag = flag;
  }

  /** Returns the {@code hrm-hf train} flag, which core's messages start with. */
  public String flag() {
    return flag;
  }
}
