package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.brain.BrainDescriptor;
import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.CheckpointWriter;
import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.core.brain.PruneResult;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.tracker.ledger.LedgerFileException;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import io.hrmtrainer.tracker.resolve.RunResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits checkpoints: weights, optimizer state, counters and the ledger at one moment, with the
 * commit protocol of {@link CheckpointStore}, then the brain's ledger copy, {@code brain.json} and
 * retention within the run's lineage. An unreadable ledger copy is moved aside, never overwritten.
 *
 * <p>Call only while every worker is paused or finished, so the weights and the ledger agree: the
 * ledger written contains exactly the chunks whose training the weights contain. A failed write is
 * thrown to the caller, never logged and ignored.
 */
final class CheckpointCommitter {

  private static final Logger LOGGER = LoggerFactory.getLogger(CheckpointCommitter.class);

  /** The weights' file name inside a checkpoint. */
  static final String MODEL_FILE = "model.params";

  /** The optimizer state's file name inside a checkpoint. */
  static final String OPTIMIZER_FILE = "optimizer.bin";

  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final RunContext context;
  private final CheckpointStore store;
  private final TrainerStateFactory stateFactory;
  private final Clock clock;
  private CheckpointInfo lastCommitted;

  CheckpointCommitter(RunContext context, TrainerStateFactory stateFactory, Clock clock) {
    this.context = context;
    this.store = new CheckpointStore(context.run.brain(), clock);
    this.stateFactory = stateFactory;
    this.clock = clock;
  }

  /**
   * Averages the replicas into one state, writes it as the next checkpoint, marks its chunks
   * committed, and loads the averaged state back into every replica.
   *
   * @return The committed checkpoint.
   */
  CheckpointInfo commit(List<ModelReplica> replicas) throws IOException {
    ModelReplica merged = ReplicaAveraging.averageInto(replicas);
    LedgerState ledger = context.tracker.snapshotTrained();
    TrainerState state = stateFactory.create(context.globalStep.get(), ledger, clock.instant());

    CheckpointInfo info;
    try (CheckpointWriter writer = store.newCheckpoint()) {
      writer.writeFile(MODEL_FILE, merged.model().parametersToBytes());
      writer.writeFile(OPTIMIZER_FILE, merged.optimizerToBytes());
      writer.writeFile(TrainerState.FILE_NAME, JsonFiles.toBytes(state));
      writer.writeFile(
          RunResolver.LEDGER_FILE, LedgerStore.toJson(ledger).getBytes(StandardCharsets.UTF_8));
      info = writer.commit();
    }
    context.tracker.markCommitted(ledger);
    context.committed();
    context.abandonedChunksCommitted();
    lastCommitted = info;

    BrainLayout brain = context.run.brain();
    Path ledgerCopy = brain.ledgerFile(context.run.datasetKey());
    moveAsideIfUnreadable(ledgerCopy);
    LedgerStore.write(ledgerCopy, ledger);
    updateDescriptor(brain, info, state, ledger);
    prune();

    context.telemetry.emit(
        EventNames.CHECKPOINT_COMMITTED,
        RunTelemetry.fields(
            "checkpoint", info.name(),
            "path", info.directory().toString(),
            "lineage_id", state.lineageId(),
            "optimizer_step", state.globalStep(),
            "chunks_committed", state.chunksCommitted(),
            "epoch", state.epoch(),
            "samples_trained", state.samplesTrained()));
    context.listener.onCheckpointCommitted(info.name(), state.globalStep());
    LOGGER.info(
        "committed checkpoint {} at optimizer step {} with {} chunks",
        info.name(), state.globalStep(), state.chunksCommitted());
    return info;
  }

  /**
   * Applies {@code --keep-checkpoints} to the checkpoints of this run's lineage only: a new run
   * never deletes the checkpoints of an earlier one, and a checkpoint without a readable lineage is
   * never deleted.
   */
  private void prune() throws IOException {
    String lineage = stateFactory.lineageId();
    PruneResult pruned =
        store.prune(
            context.config.keepCheckpoints(),
            checkpoint -> TrainerState.readLineage(checkpoint).filter(lineage::equals).isPresent());
    if (!pruned.deleted().isEmpty()) {
      LOGGER.info(
          "deleted checkpoints {} of lineage {} to keep the newest {}",
          pruned.deleted(), lineage, context.config.keepCheckpoints());
    }
    if (!pruned.invalid().isEmpty()) {
      LOGGER.warn("invalid checkpoints kept for inspection: {}", pruned.invalid());
    }
  }

  /**
   * Renames the brain's ledger copy to {@code chunk_tracker_state.json.corrupt-<UTC time>} when it
   * exists but cannot be read, so the commit never overwrites a file the trainer cannot read.
   */
  private void moveAsideIfUnreadable(Path ledgerCopy) throws IOException {
    if (!Files.exists(ledgerCopy)) {
      return;
    }
    try {
      LedgerStore.read(ledgerCopy);
      return;
    } catch (IOException | RuntimeException e) {
      Path aside = freeSibling(ledgerCopy, "corrupt-" + SUFFIX.format(clock.instant()));
      Files.move(ledgerCopy, aside, StandardCopyOption.ATOMIC_MOVE);
      LOGGER.warn(
          "the brain's ledger copy {} cannot be read ({}); moved it to {} unchanged, and the"
              + " newly committed ledger takes its place",
          ledgerCopy, unreadableReason(e), aside);
    }
  }

  private static String unreadableReason(Exception e) {
    if (e instanceof LedgerFileException ledgerError) {
      return ledgerError.problem() == LedgerFileException.Problem.UNSUPPORTED_VERSION
          ? "it uses a newer schema version"
          : "it is corrupt or truncated";
    }
    return e.toString();
  }

  private static Path freeSibling(Path file, String suffix) {
    String base = file.getFileName() + "." + suffix;
    Path candidate = file.resolveSibling(base);
    for (int n = 1; Files.exists(candidate); n++) {
      candidate = file.resolveSibling(base + "-" + n);
    }
    return candidate;
  }

  /** Returns the last checkpoint this committer wrote, if any. */
  Optional<CheckpointInfo> lastCommitted() {
    return Optional.ofNullable(lastCommitted);
  }

  private static void updateDescriptor(
      BrainLayout brain, CheckpointInfo info, TrainerState state, LedgerState ledger)
      throws IOException {

    BrainDescriptor descriptor =
        BrainDescriptor.read(brain)
            .orElseThrow(() -> new IllegalStateException("brain.json vanished during the run"));
    descriptor
        .withLatestCheckpoint(info.name())
        .withTotals(
            new BrainDescriptor.Totals(
                state.globalStep(), ledger.totalSamples(), ledger.completedChunks().size()))
        .write(brain);
  }
}
