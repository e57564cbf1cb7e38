package io.hrmtrainer.core.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-04T19:30:00Z");
  private static final String TRAINER_STATE =
      "{\"global_step\":1200,\"epoch\":2,\"chunks_committed\":30,\"samples_trained\":120000,"
          + "\"created_at\":\"2026-12-04T19:29:59Z\",\"seed\":7}";

  @TempDir Path dir;
  private BrainLayout layout;
  private CheckpointStore store;

  @BeforeEach
  void createStore() {
    layout = BrainLayout.of(dir);
    store = new CheckpointStore(layout, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private CheckpointInfo commitCheckpoint(long sequence) throws IOException {
    try (CheckpointWriter writer = store.newCheckpoint(sequence)) {
      writer.writeFile("model.params", ("weights-" + sequence).getBytes(StandardCharsets.UTF_8));
      writer.writeFile("optimizer.bin", out -> out.write(new byte[] {1, 2, 3, (byte) sequence}));
      writer.writeFile("trainer_state.json", TRAINER_STATE.getBytes(StandardCharsets.UTF_8));
      return writer.commit();
    }
  }

  private List<String> checkpointDirectoryNames() throws IOException {
    if (!Files.isDirectory(layout.checkpointsDir())) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(layout.checkpointsDir())) {
      return entries.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Nested
  class Writing {

    @Test
    void commitMovesDirectoryIntoPlace() throws IOException {
      CheckpointInfo info = commitCheckpoint(3);

      assertThat(info.isValid()).isTrue();
      assertThat(info.name()).isEqualTo("ckpt-000003");
      assertThat(checkpointDirectoryNames()).containsExactly("ckpt-000003");
      assertThat(info.directory().resolve("COMMIT.json")).exists();
      CommitRecord record = CommitRecord.read(info.file("COMMIT.json"));
      assertThat(record.sequence()).isEqualTo(3);
      assertThat(record.createdAt()).isEqualTo(NOW);
      assertThat(record.files()).containsOnlyKeys("model.params", "optimizer.bin", "trainer_state.json");
      assertThat(record.files().get("optimizer.bin"))
          .isEqualTo(new CommitRecord.FileEntry(4, sha256Hex(new byte[] {1, 2, 3, 3})));
    }

    @Test
    void commitReturnsTrainerStateSummary() throws IOException {
      CheckpointInfo info = commitCheckpoint(1);

      CheckpointSummary summary = info.summary();
      assertThat(summary.globalStep()).hasValue(1200);
      assertThat(summary.epoch()).hasValue(2);
      assertThat(summary.chunksCommitted()).hasValue(30);
      assertThat(summary.samplesTrained()).hasValue(120000);
      assertThat(summary.createdAt()).contains(Instant.parse("2026-12-04T19:29:59Z"));
      assertThat(store.list()).containsExactly(info);
    }

    @Test
    void writerClosedWithoutCommitLeavesNoDirectory() throws IOException {
      try (CheckpointWriter writer = store.newCheckpoint(1)) {
        writer.writeFile("model.params", new byte[] {9});
        assertThat(writer.temporaryDirectory().getFileName().toString()).startsWith(".tmp-ckpt-000001-");
      }

      assertThat(checkpointDirectoryNames()).isEmpty();
      assertThat(store.list()).isEmpty();
    }

    @Test
    void failedFileWriteBlocksTheCommit() throws IOException {
      try (CheckpointWriter writer = store.newCheckpoint(1)) {
        assertThrows(
            IOException.class,
            () ->
                writer.writeFile(
                    "model.params",
                    out -> {
                      out.write(1);
                      throw new IOException("device lost");
                    }));

        IllegalStateException error = assertThrows(IllegalStateException.class, writer::commit);

        assertThat(error.getMessage())
            .isEqualTo(
                "checkpoint ckpt-000001 cannot be committed: writing file \"model.params\" failed;"
                    + " close this writer and write the checkpoint again");
      }
      assertThat(checkpointDirectoryNames()).isEmpty();
    }

    @Test
    void existingSequenceIsRefused() throws IOException {
      commitCheckpoint(4);

      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> store.newCheckpoint(4));

      assertThat(error.getMessage())
          .isEqualTo(
              String.format(
                  "checkpoint ckpt-000004 already exists in %s; checkpoints are never overwritten,"
                      + " use the next free sequence 5",
                  layout.checkpointsDir()));
    }

    @Test
    void nextSequenceFollowsHighestDirectory() throws IOException {
      assertThat(store.nextSequence()).isEqualTo(1);
      commitCheckpoint(2);
      Files.createDirectories(layout.checkpointDir(9));

      try (CheckpointWriter writer = store.newCheckpoint()) {

        assertThat(writer.sequence()).isEqualTo(10);
      }
    }

    @Test
    void reservedFileNamesAreRejected() throws IOException {
      try (CheckpointWriter writer = store.newCheckpoint(1)) {

        assertThrows(IllegalArgumentException.class, () -> writer.writeFile("COMMIT.json", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> writer.writeFile("../x", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> writer.writeFile(".hidden", new byte[0]));
      }
    }
  }

  @Nested
  class Validity {

    @Test
    void missingCommitJsonIsInvalid() throws IOException {
      commitCheckpoint(1);
      CheckpointInfo newer = commitCheckpoint(2);
      Files.delete(newer.file("COMMIT.json"));

      List<CheckpointInfo> listed = store.list();

      assertThat(listed.get(1).problem()).contains(CheckpointProblem.NO_COMMIT_RECORD);
      assertThat(listed.get(1).reason())
          .contains(
              "COMMIT.json is missing, so the checkpoint was never committed (a run probably"
                  + " stopped while writing it)");
      assertThat(store.newestValid().map(CheckpointInfo::name)).contains("ckpt-000001");
    }

    @Test
    void corruptCommitJsonIsInvalid() throws IOException {
      commitCheckpoint(1);
      CheckpointInfo newer = commitCheckpoint(2);
      Path commit = newer.file("COMMIT.json");
      byte[] bytes = Files.readAllBytes(commit);
      Files.write(commit, java.util.Arrays.copyOf(bytes, bytes.length / 2));

      CheckpointInfo listed = store.list().get(1);

      assertThat(listed.problem()).contains(CheckpointProblem.CORRUPT_COMMIT_RECORD);
      assertThat(listed.reason())
          .contains(
              "COMMIT.json cannot be read: the file ends in the middle of a JSON value (it was"
                  + " probably cut by a crash)");
      assertThat(store.newestValid().map(CheckpointInfo::name)).contains("ckpt-000001");
    }

    @Test
    void changedByteIsInvalid() throws IOException {
      commitCheckpoint(1);
      CheckpointInfo newer = commitCheckpoint(2);
      Path params = newer.file("model.params");
      byte[] bytes = Files.readAllBytes(params);
      bytes[3] ^= 0x01;
      Files.write(params, bytes);

      CheckpointInfo listed = store.list().get(1);

      assertThat(listed.problem()).contains(CheckpointProblem.CHECKSUM_MISMATCH);
      assertThat(listed.reason().orElseThrow())
          .isEqualTo(
              String.format(
                  "file model.params fails its checksum:%n  expected SHA-256 %s%n  actual SHA-256   %s",
                  sha256Hex("weights-2".getBytes(StandardCharsets.UTF_8)), sha256Hex(bytes)));
      assertThat(store.newestValid().map(CheckpointInfo::name)).contains("ckpt-000001");
    }

    @Test
    void missingFileIsInvalid() throws IOException {
      commitCheckpoint(1);
      CheckpointInfo newer = commitCheckpoint(2);
      Files.delete(newer.file("optimizer.bin"));

      CheckpointInfo listed = store.list().get(1);

      assertThat(listed.problem()).contains(CheckpointProblem.MISSING_FILE);
      assertThat(listed.reason()).contains("file optimizer.bin is listed in COMMIT.json but missing");
      assertThat(store.newestValid().map(CheckpointInfo::name)).contains("ckpt-000001");
    }

    @Test
    void truncatedFileReportsBothSizes() throws IOException {
      CheckpointInfo only = commitCheckpoint(1);
      Files.write(only.file("model.params"), new byte[] {1});

      CheckpointInfo listed = store.list().get(0);

      assertThat(listed.problem()).contains(CheckpointProblem.SIZE_MISMATCH);
      assertThat(listed.reason()).contains("file model.params has 1 bytes, but COMMIT.json records 9 bytes");
      assertThat(store.newestValid()).isEmpty();
    }

    @Test
    void otherFormatVersionIsInvalid() throws IOException {
      CheckpointInfo only = commitCheckpoint(1);
      Path commit = only.file("COMMIT.json");
      Files.writeString(commit, Files.readString(commit).replace("\"format_version\" : 1", "\"format_version\" : 7"));

      CheckpointInfo listed = store.list().get(0);

      assertThat(listed.problem()).contains(CheckpointProblem.UNSUPPORTED_FORMAT);
      assertThat(listed.reason().orElseThrow())
          .isEqualTo(
              commit
                  + " has format_version 7, but this version of hrm-trainer reads format_version 1;"
                  + " use the hrm-trainer release that wrote it, or a newer one");
    }

    @Test
    void temporaryDirectoriesAreNotCheckpoints() throws IOException {
      commitCheckpoint(1);
      CheckpointWriter unfinished = store.newCheckpoint(2);
      unfinished.writeFile("model.params", new byte[] {1});

      assertThat(store.list()).extracting(CheckpointInfo::name).containsExactly("ckpt-000001");
      assertThat(store.temporaryDirectories()).containsExactly(unfinished.temporaryDirectory());

      assertThat(store.deleteTemporaryDirectories()).hasSize(1);
      assertThat(checkpointDirectoryNames()).containsExactly("ckpt-000001");
    }

    @Test
    void listIsInSequenceOrder() throws IOException {
      commitCheckpoint(10);
      commitCheckpoint(2);
      commitCheckpoint(1000000);

      assertThat(store.list()).extracting(CheckpointInfo::sequence).containsExactly(2L, 10L, 1000000L);
    }

    @Test
    void verifySeesChangesMadeAfterListing() throws IOException {
      CheckpointInfo info = commitCheckpoint(1);
      Files.delete(info.file("trainer_state.json"));

      assertThat(store.verify(info).problem()).contains(CheckpointProblem.MISSING_FILE);
    }
  }

  @Nested
  class Resolving {

    @Test
    void resolvesANameAndAPath() throws IOException {
      CheckpointInfo info = commitCheckpoint(12);

      assertThat(store.resolve("ckpt-000012")).isEqualTo(info);
      assertThat(store.resolve(info.directory().toString())).isEqualTo(info);
    }

    @Test
    void missingCheckpointListsValidOnes() throws IOException {
      commitCheckpoint(1);
      commitCheckpoint(2);

      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> store.resolve("ckpt-000005"));

      assertThat(error.getMessage())
          .isEqualTo(
              String.format(
                  "checkpoint \"ckpt-000005\" does not exist (looked for directory %s). Valid"
                      + " checkpoints in %s: ckpt-000001, ckpt-000002.",
                  layout.checkpointDir(5), layout.checkpointsDir()));
    }

    @Test
    void invalidCheckpointNamesItsReason() throws IOException {
      CheckpointInfo info = commitCheckpoint(1);
      Files.delete(info.file("COMMIT.json"));

      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> store.resolve("ckpt-000001"));

      assertThat(error.getMessage())
          .isEqualTo(
              String.format(
                  "checkpoint \"ckpt-000001\" is invalid: COMMIT.json is missing, so the"
                      + " checkpoint was never committed (a run probably stopped while writing it)."
                      + " %s has no valid checkpoint; start a new run instead of resuming.",
                  layout.checkpointsDir()));
    }

    @Test
    void nonCheckpointPathIsRejected() {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> store.resolve(dir.resolve("weights").toString()));

      assertThat(error.getMessage())
          .startsWith("\"" + dir.resolve("weights") + "\" is not a checkpoint: checkpoint directories are named ckpt- and 6 digits");
    }
  }

  @Nested
  class Pruning {

    @Test
    void pruneKeepsNewestValid() throws IOException {
      for (long sequence = 1; sequence <= 5; sequence++) {
        commitCheckpoint(sequence);
      }

      PruneResult result = store.prune(2);

      assertThat(result.deleted()).extracting(CheckpointInfo::sequence).containsExactly(1L, 2L, 3L);
      assertThat(result.kept()).extracting(CheckpointInfo::sequence).containsExactly(4L, 5L);
      assertThat(checkpointDirectoryNames()).containsExactly("ckpt-000004", "ckpt-000005");
    }

    @Test
    void pruneSparesInvalidCheckpoints() throws IOException {
      commitCheckpoint(1);
      Files.delete(commitCheckpoint(2).file("COMMIT.json"));
      commitCheckpoint(3);
      Files.write(commitCheckpoint(4).file("model.params"), new byte[] {0});

      PruneResult result = store.prune(1);

      assertThat(result.deleted()).extracting(CheckpointInfo::name).containsExactly("ckpt-000001");
      assertThat(result.invalid()).extracting(CheckpointInfo::name).containsExactly("ckpt-000002", "ckpt-000004");
      assertThat(checkpointDirectoryNames()).containsExactly("ckpt-000002", "ckpt-000003", "ckpt-000004");
      assertThat(store.newestValid().map(CheckpointInfo::name)).contains("ckpt-000003");
    }

    @Test
    void scopedPruneDeletesOnlyInsideScope() throws IOException {
      // given five checkpoints, of which 3, 4 and 5 are in scope
      for (long sequence = 1; sequence <= 5; sequence++) {
        commitCheckpoint(sequence);
      }

      // when keeping 2 in scope
      PruneResult result = store.prune(2, checkpoint -> checkpoint.sequence() >= 3);

      // then only 3 is deleted, and 1 and 2 outside the scope survive
      assertThat(result.deleted()).extracting(CheckpointInfo::sequence).containsExactly(3L);
      assertThat(result.kept()).extracting(CheckpointInfo::sequence).containsExactly(4L, 5L);
      assertThat(checkpointDirectoryNames())
          .containsExactly("ckpt-000001", "ckpt-000002", "ckpt-000004", "ckpt-000005");
    }

    @Test
    void keepingFewerThanOneIsRefused() {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> store.prune(0));

      assertThat(error.getMessage())
          .isEqualTo("cannot keep 0 checkpoints: keep at least 1, so the newest valid one survives");
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
