package io.hrmtrainer.diagnostics;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.CommitRecord;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.position.StartPosition;
import io.hrmtrainer.diagnostics.driver.LibraryTrainerDriver;
import io.hrmtrainer.diagnostics.driver.TrainRequest;
import io.hrmtrainer.diagnostics.driver.TrainerDriver;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Drivers that each break one property of the trainer around the real library, so tests can show
 * that the scenarios notice.
 */
final class FaultyDrivers {

  private static final TrainerDriver REAL = new LibraryTrainerDriver();

  private FaultyDrivers() {}

  /** Trains from (0, 0) whatever start position is requested, as a planner without a bound. */
  static TrainerDriver ignoringStartPosition() {
    return request ->
        REAL.train(
            request.withConfig(
                request.config().toBuilder().optStartPosition(StartPosition.FIRST_CHUNK).build()));
  }

  /** Takes the brain's lock file before validating, so a rejected run leaves it behind. */
  static TrainerDriver touchingBrainBeforeValidation() {
    return request -> {
      Path saveDir = request.config().saveDir();
      Files.createDirectories(saveDir);
      Files.writeString(BrainLayout.of(saveDir).lockFile(), "held by a run that never started");
      return REAL.train(request);
    };
  }

  /** Runs each of several workers as its own forced run, as workers that do not share a ledger. */
  static TrainerDriver trainingChunksTwiceInParallel() {
    return request -> {
      TrainingConfig config = request.config();
      if (config.workers() < 2) {
        return REAL.train(request);
      }
      RunOutcome last = null;
      for (int worker = 0; worker < config.workers(); worker++) {
        TrainingConfig alone = config.toBuilder().optWorkers(1).optForceTrain(true).build();
        last = REAL.train(request.withConfig(alone));
      }
      return last;
    };
  }

  /** Drops {@code --force-train}, so force behaves like respect. */
  static TrainerDriver ignoringForce() {
    return request ->
        REAL.train(request.withConfig(request.config().toBuilder().optForceTrain(false).build()));
  }

  /** Drops {@code --resume}, so every resume starts from fresh weights at its start position. */
  static TrainerDriver resumingAsNewRun() {
    return request ->
        REAL.train(request.withConfig(request.config().toBuilder().optResume(false).build()));
  }

  /** Writes a COMMIT.json into every checkpoint that lacks one before running, then loads it. */
  static TrainerDriver loadingCheckpointsWithoutCommit() {
    return request -> {
      CheckpointStore store = new CheckpointStore(BrainLayout.of(request.config().saveDir()));
      if (Files.isDirectory(store.layout().checkpointsDir())) {
        for (CheckpointInfo checkpoint : store.list()) {
          if (!Files.exists(checkpoint.file(CommitRecord.FILE_NAME))) {
            sign(checkpoint.directory(), checkpoint.sequence());
          }
        }
      }
      return REAL.train(request);
    };
  }

  /** After a killed run, records the interrupted chunk as trained in the newest checkpoint. */
  static TrainerDriver recordingInterruptedChunks() {
    return request -> {
      RunOutcome outcome = REAL.train(request);
      if (outcome.status() == RunOutcome.Status.FAILED && request.crash().isPresent()) {
        recordTrained(request, request.crash().get().chunk());
      }
      return outcome;
    };
  }

  private static void recordTrained(TrainRequest request, ChunkPosition chunk) throws IOException {
    BrainLayout brain = BrainLayout.of(request.config().saveDir());
    Optional<CheckpointInfo> newest = new CheckpointStore(brain).newestValid();
    if (newest.isEmpty()) {
      return;
    }
    Path ledgerFile = newest.get().file(RunResolver.LEDGER_FILE);
    LedgerState ledger = LedgerStore.read(ledgerFile);
    List<CompletedChunk> completed = new ArrayList<>(ledger.completedChunks());
    completed.add(
        new CompletedChunk(chunk, 0, ledger.totalSteps(), 4, 50, ledger.currentEpoch(), Optional.empty()));
    LedgerState edited =
        new LedgerState(
            ledger.schemaVersion(),
            ledger.datasetFingerprint(),
            ledger.samplesPerBlock(),
            ledger.datasetChunkSize(),
            ledger.totalBlocksInDataset(),
            ledger.currentEpoch(),
            ledger.totalSteps(),
            ledger.totalSamples(),
            completed,
            List.of());
    LedgerStore.write(ledgerFile, edited);
    sign(newest.get().directory(), newest.get().sequence());
    try (Stream<Path> keys = Files.list(brain.datasetsDir())) {
      for (Path key : keys.toList()) {
        LedgerStore.write(brain.ledgerFile(key.getFileName().toString()), edited);
      }
    }
  }

  /** Writes a COMMIT.json that matches the directory's current files. */
  private static void sign(Path directory, long sequence) throws IOException {
    Map<String, CommitRecord.FileEntry> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(directory)) {
      for (Path file : listing.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.equals(CommitRecord.FILE_NAME)) {
          byte[] bytes = Files.readAllBytes(file);
          files.put(name, new CommitRecord.FileEntry(bytes.length, sha256(bytes)));
        }
      }
    }
    CommitRecord.of(sequence, Instant.now(), files).write(directory.resolve(CommitRecord.FILE_NAME));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
