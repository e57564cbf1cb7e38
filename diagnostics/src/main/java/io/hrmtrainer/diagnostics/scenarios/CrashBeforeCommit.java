package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.CommitRecord;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.diagnostics.Scenario;
import io.hrmtrainer.diagnostics.ScenarioContext;
import io.hrmtrainer.diagnostics.ScenarioResult;
import io.hrmtrainer.diagnostics.driver.SimulatedCrash;
import io.hrmtrainer.diagnostics.evidence.Events;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run from (0, 1) commits every 2 chunks: it commits (0, 1) and (0, 2), trains (0, 3), and is
 * killed inside (1, 0). A checkpoint directory that claims (0, 3) but has no {@code COMMIT.json}
 * (a commit that never finished) is left beside the valid one. The resume must pass over that
 * directory with {@code checkpoint_skipped}, load the valid checkpoint, and train (0, 3) and
 * (1, 0) again.
 */
public final class CrashBeforeCommit implements Scenario {

  private static final ChunkPosition START = ChunkPosition.of(0, 1);
  private static final ChunkPosition UNCOMMITTED = ChunkPosition.of(0, 3);
  private static final ChunkPosition INTERRUPTED = ChunkPosition.of(1, 0);
  private static final List<ChunkPosition> COMMITTED =
      List.of(START, ChunkPosition.of(0, 2));

  @Override
  public String name() {
    return "crash-before-commit";
  }

  @Override
  public String description() {
    return "after a kill between a chunk and the next commit, resume trains the uncommitted chunks"
        + " again and never loads a checkpoint without a valid COMMIT.json";
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws IOException {
    Path dataset = context.newDataset("data.txt", 600);
    Path brain = context.brain("brain");
    SimulatedCrash crash = new SimulatedCrash(INTERRUPTED, 2);
    RunEvidence killed =
        context.train(
            context
                .newConfig(dataset, brain)
                .optStartChunkId(START.chunkId())
                .optCheckpointIntervalChunks(2)
                .build(),
            crash);
    Optional<String> uncommitted = leaveUncommittedCheckpoint(brain);
    RunEvidence resume =
        context.train(
            context
                .newConfig(dataset, brain)
                .optResume(true)
                .optStartChunkId(START.chunkId())
                .optCheckpointIntervalChunks(2)
                .optMaxChunks(3)
                .build());

    ScenarioResult.Builder result = ScenarioResult.builder(this);
    result.addRun("run from " + START + " with " + crash, killed);
    result.addEvidence(
        "left beside it: "
            + uncommitted.map(name -> name + ", claiming " + UNCOMMITTED + ", without COMMIT.json")
                .orElse("nothing (the killed run committed no checkpoint)"));
    result.addRun("resume from " + START + ", at most 3 chunks", resume);
    Expect.ended(result, "the killed run", killed, RunOutcome.Status.FAILED);
    Expect.ledgerHolds(result, "the kill", killed, COMMITTED);
    checkLoadsValidCheckpoint(result, killed, resume, uncommitted);
    Expect.firstClaimAt(result, "the resume", resume, UNCOMMITTED);
    Expect.trainedExactly(
        result, "the resume", resume, List.of(UNCOMMITTED, INTERRUPTED, ChunkPosition.of(1, 1)));
    return result.build();
  }

  private static void checkLoadsValidCheckpoint(
      ScenarioResult.Builder result,
      RunEvidence killed,
      RunEvidence resume,
      Optional<String> uncommitted) {

    String committed = killed.outcome().flatMap(RunOutcome::lastCheckpoint).orElse("none");
    result.checkEqual(
        "the resume loads the newest checkpoint with a valid COMMIT.json",
        committed,
        Expect.startField(resume, "checkpoint"));
    List<TelemetryEvent> skipped = resume.events(EventNames.CHECKPOINT_SKIPPED);
    boolean reported =
        uncommitted.isPresent()
            && skipped.stream()
                .anyMatch(e -> Events.text(e, "checkpoint").equals(uncommitted));
    result.check(
        "the resume reports the checkpoint without COMMIT.json as skipped",
        reported,
        "checkpoint_skipped for " + uncommitted.orElse("the uncommitted checkpoint"),
        Expect.names(skipped));
  }

  /**
   * Copies the newest valid checkpoint to the next sequence number, minus {@code COMMIT.json}, with
   * {@link #UNCOMMITTED} added to its ledger: what a kill in the middle of a commit could leave.
   *
   * @return The new directory's name, or empty when there is no valid checkpoint to copy.
   */
  private static Optional<String> leaveUncommittedCheckpoint(Path brainDir) throws IOException {
    CheckpointStore store = new CheckpointStore(BrainLayout.of(brainDir));
    Optional<CheckpointInfo> valid = store.newestValid();
    if (valid.isEmpty()) {
      return Optional.empty();
    }
    Path target = BrainLayout.of(brainDir).checkpointDir(store.nextSequence());
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(valid.get().directory())) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals(CommitRecord.FILE_NAME)) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
    Path ledgerFile = target.resolve(RunResolver.LEDGER_FILE);
    LedgerStore.write(ledgerFile, withTrained(LedgerStore.read(ledgerFile), UNCOMMITTED));
    return Optional.of(target.getFileName().toString());
  }

  private static LedgerState withTrained(LedgerState ledger, ChunkPosition position) {
    List<CompletedChunk> completed = new ArrayList<>(ledger.completedChunks());
    completed.add(
        new CompletedChunk(
            position, 0, ledger.totalSteps() + 4, 4, 50, ledger.currentEpoch(), Optional.empty()));
    return new LedgerState(
        ledger.schemaVersion(),
        ledger.datasetFingerprint(),
        ledger.samplesPerBlock(),
        ledger.datasetChunkSize(),
        ledger.totalBlocksInDataset(),
        ledger.currentEpoch(),
        ledger.totalSteps() + 4,
        ledger.totalSamples() + 50,
        completed,
        List.of());
  }
}
