package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.brain.BrainDescriptor;
import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.core.brain.LedgerArchive;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's records in the brain directory outside checkpoints: {@code brain.json} with the run
 * history, the archive of a replaced ledger, and the clean-up of half-written checkpoints.
 *
 * <p>Call only while the run holds the brain's lock.
 */
final class BrainRecords {

  private static final Logger LOGGER = LoggerFactory.getLogger(BrainRecords.class);

  private final ResolvedRun run;
  private final String runId;
  private final Clock clock;

  BrainRecords(ResolvedRun run, String runId, Clock clock) {
    this.run = run;
    this.runId = runId;
    this.clock = clock;
  }

  /**
   * Deletes the temporary directories of checkpoints whose writer died before the commit (a
   * killed run): only the lock holder writes checkpoints, so no live writer owns them.
   */
  void deleteAbandonedCheckpoints() throws IOException {
    List<Path> deleted = new CheckpointStore(run.brain(), clock).deleteTemporaryDirectories();
    if (!deleted.isEmpty()) {
      LOGGER.info("deleted checkpoint directories left unfinished by an earlier run: {}", deleted);
    }
  }

  /** Creates brain.json when missing, records the run, and archives the old ledger of a new run. */
  void prepareBrain(ModelSpec spec) throws IOException {
    BrainLayout brain = run.brain();
    Optional<BrainDescriptor> existing = BrainDescriptor.read(brain);
    BrainDescriptor descriptor =
        existing.orElseGet(
            () -> BrainDescriptor.newBrain(JsonFiles.mapper().valueToTree(spec), "byte-level-258"));
    descriptor.withRun(BrainDescriptor.RunRecord.started(runId, clock.instant())).write(brain);
    if (!run.isResume()) {
      Optional<Path> archived = LedgerArchive.archive(brain, run.datasetKey(), clock.instant());
      archived.ifPresent(
          path -> LOGGER.info("new run: archived the previous ledger as {}", path.getFileName()));
    }
  }

  /** Records the end of the run and its outcome ("completed", "stopped", "failed"). */
  void recordRunEnd(String outcome) throws IOException {
    BrainLayout brain = run.brain();
    Optional<BrainDescriptor> descriptor = BrainDescriptor.read(brain);
    if (descriptor.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    BrainDescriptor.RunRecord record =
        descriptor.get().history().stream()
            .filter(r -> r.runId().equals(runId))
            .findFirst()
            .orElse(BrainDescriptor.RunRecord.started(runId, now));
    descriptor.get().withRun(record.withEnd(now, outcome)).write(brain);
  }
}
