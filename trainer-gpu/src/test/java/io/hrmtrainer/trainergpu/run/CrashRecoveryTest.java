package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.CommitRecord;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.tracker.resolve.RunResolver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Crash consistency: SIGKILL, invalid checkpoints and a truncated ledger. */
@ExtendWith(OneIntraOpThread.class)
class CrashRecoveryTest {

  @TempDir Path temp;

  @Test
  void killedRunResumesFromNewestCheckpoint() throws Exception {
    // given a child JVM training with a checkpoint per chunk, killed with SIGKILL mid-chunk after
    // a checkpoint was committed
    RunFixture fixture = RunFixture.create(temp, 600);
    Process child = startChild();
    List<TelemetryEvent> before;
    try {
      before = awaitClaimAfterCommit(fixture, child);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(child.isAlive()).isFalse();
    assertThat(fixture.brain().lockFile()).exists();
    CheckpointStore store = new CheckpointStore(fixture.brain());
    CheckpointInfo newest = store.newestValid().orElseThrow();
    List<ChunkPosition> committed =
        List.copyOf(RunFixture.trainedIn(fixture.checkpointLedger(newest.sequence()), 0));
    List<ChunkPosition> claimedByChild =
        fixture.events(EventNames.CHUNK_CLAIMED, null).stream()
            .map(RunFixture::positionOf)
            .toList();
    List<ChunkPosition> lost = new ArrayList<>(claimedByChild);
    lost.removeAll(committed);
    assertThat(lost).isNotEmpty();

    // and a copy of that checkpoint at a higher sequence without a COMMIT.json
    Path broken = fixture.brain().checkpointDir(newest.sequence() + 5);
    copyDirectory(newest.directory(), broken);
    Files.delete(broken.resolve(CommitRecord.FILE_NAME));

    // when the brain is resumed in this process
    RunOutcome resumed =
        fixture.train(fixture.config().optResume(true).optCheckpointIntervalChunks(1).build());

    // then the killed run's lock does not block, the broken copy is reported and not loaded,
    // the newest valid checkpoint is loaded, and the chunks after its commit are trained again
    assertThat(resumed.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    TelemetryEvent start =
        fixture.events(EventNames.TRAINING_START_POSITION_SELECTED, resumed.runId()).get(0);
    assertThat(start.field("checkpoint")).contains(newest.name());
    List<TelemetryEvent> skipped = fixture.events(EventNames.CHECKPOINT_SKIPPED, resumed.runId());
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).field("path").orElseThrow().toString())
        .isEqualTo(broken.toString());
    assertThat(resumed.trainedChunks()).containsAll(lost).doesNotContainAnyElementsOf(committed);
    assertThat(broken).exists();
    assertThat(before).isNotEmpty();
  }

  @Test
  void truncatedLedgerIsReportedUnchanged() throws Exception {
    // given a checkpoint whose ledger was truncated, with a COMMIT.json that matches the damage
    // (as a faulty disk or an external tool might leave it)
    RunFixture fixture = RunFixture.create(temp, 100);
    fixture.train(fixture.config().optMaxChunks(1).build());
    Path checkpoint = fixture.brain().checkpointDir(1);
    Path ledger = checkpoint.resolve(RunResolver.LEDGER_FILE);
    byte[] full = Files.readAllBytes(ledger);
    byte[] truncated = java.util.Arrays.copyOf(full, full.length / 2);
    Files.write(ledger, truncated);
    rewriteCommit(checkpoint);

    // when the brain is resumed, then the error names the file and the file is unchanged
    assertThatThrownBy(() -> fixture.resolve(fixture.config().optResume(true).build()))
        .hasMessageContaining(ledger.toString());
    assertThat(Files.readAllBytes(ledger)).isEqualTo(truncated);

    // given the same truncation without a matching COMMIT.json, when resumed, then the only
    // checkpoint is invalid, so resume is rejected instead of silently starting a new run, and
    // the file is unchanged
    byte[] cut = java.util.Arrays.copyOf(full, full.length / 3);
    Files.write(ledger, cut);
    assertThatThrownBy(() -> fixture.resolve(fixture.config().optResume(true).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ckpt-000001")
        .hasMessageContaining("no checkpoint in");
    assertThat(Files.readAllBytes(ledger)).isEqualTo(cut);
  }

  private Process startChild() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Dai.djl.offline=true",
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            CrashingRunMain.class.getName(),
            temp.toString(),
            "40");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("child.log").toFile())
        .start();
  }

  /** Waits for a checkpoint_committed followed by a chunk_claimed; returns the events so far. */
  private static List<TelemetryEvent> awaitClaimAfterCommit(RunFixture fixture, Process child)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Path metrics = fixture.brain().metricsJsonl();
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive()).as("the child is still training").isTrue();
      if (Files.exists(metrics)) {
        List<TelemetryEvent> events = fixture.events();
        List<String> names = events.stream().map(TelemetryEvent::name).toList();
        int commit = names.indexOf(EventNames.CHECKPOINT_COMMITTED);
        if (commit >= 0 && names.lastIndexOf(EventNames.CHUNK_CLAIMED) > commit) {
          return events;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the child committed no checkpoint in 120 s; see child.log");
  }

  private static void rewriteCommit(Path checkpoint) throws Exception {
    CommitRecord old = CommitRecord.read(checkpoint.resolve(CommitRecord.FILE_NAME));
    Map<String, CommitRecord.FileEntry> files = new TreeMap<>();
    for (String name : old.files().keySet()) {
      byte[] bytes = Files.readAllBytes(checkpoint.resolve(name));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      files.put(name, new CommitRecord.FileEntry(bytes.length, sha));
    }
    CommitRecord.of(old.sequence(), old.createdAt(), files)
        .write(checkpoint.resolve(CommitRecord.FILE_NAME));
  }

  private static void copyDirectory(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    assertThat(new File(to.toString()).list()).isNotEmpty();
  }
}
