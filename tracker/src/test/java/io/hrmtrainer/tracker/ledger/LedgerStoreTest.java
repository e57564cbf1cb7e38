package io.hrmtrainer.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerStoreTest {

  @TempDir Path dir;

  private static LedgerState sampleLedger() {
    return new LedgerState(
        LedgerState.SCHEMA_VERSION,
        Optional.of("sha256:abc"),
        OptionalInt.of(100_000),
        OptionalInt.of(4_000),
        OptionalInt.of(7),
        1,
        900,
        48_000,
        List.of(
            new CompletedChunk(
                ChunkPosition.of(0, 0), 0, 250, 250, 4_000, 0,
                Optional.of(Instant.parse("2024-05-01T12:00:00Z"))),
            new CompletedChunk(
                ChunkPosition.of(3, 24), 1, 900, 650, 44_000, 1, Optional.empty())),
        List.of(new InProgressChunk(ChunkPosition.of(4, 0), 1)));
  }

  /** Writes {@code state}, reads it back, and returns what was read. */
  private LedgerState roundTrip(LedgerState state) throws IOException {
    Path file = dir.resolve(LedgerStore.FILE_NAME);
    LedgerStore.write(file, state);
    return LedgerStore.read(file);
  }

  private Path writeFile(String content) throws IOException {
    Path file = dir.resolve(LedgerStore.FILE_NAME);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void ledgerRoundTripsUnchanged() throws IOException {
    LedgerState state = sampleLedger();

    LedgerState read = roundTrip(state);

    assertThat(read).isEqualTo(state);
  }

  @Test
  void emptyLedgerRoundTrips() throws IOException {
    LedgerState state = LedgerState.empty("fp", 10, 2, 3);

    assertThat(roundTrip(state)).isEqualTo(state);
  }

  @Test
  void writesOneEntryPerLine() {
    String json = LedgerStore.toJson(sampleLedger());

    assertThat(json)
        .startsWith("{\n  \"schema_version\": 1,\n  \"dataset_fingerprint\": \"sha256:abc\",\n")
        .contains(
            "\n  \"completed_chunks\": [\n    {\"block_id\":0,\"chunk_id\":0,\"gpu_id\":0,"
                + "\"optimizer_step\":250,\"steps\":250,\"samples\":4000,\"epoch\":0,"
                + "\"completed_at\":\"2024-05-01T12:00:00Z\"},\n")
        .contains("\"in_progress_chunks\": [\n    {\"block_id\":4,\"chunk_id\":0,\"worker_id\":1}\n  ]")
        .endsWith("}\n");
  }

  @Test
  void readsOlderKeyNames() throws IOException {
    Path file =
        writeFile(
            """
            {
              "current_epoch": 0,
              "total_blocks_in_dataset": 3,
              "total_true_steps": 41,
              "total_samples_trained": 8000,
              "completed_chunks": [
                {"block_id": 0, "chunk_id": 1, "gpu_id": 2, "step": 40, "true_steps": 41,
                 "samples_trained": 8000, "completed_at": 1714564800.5}
              ],
              "in_progress_chunks": [{"block_id": 0, "chunk_id": 2, "gpu_id": 1}]
            }
            """);

    LedgerState read = LedgerStore.read(file);

    assertThat(read.schemaVersion()).isZero();
    assertThat(read.datasetFingerprint()).isEmpty();
    assertThat(read.samplesPerBlock()).isEmpty();
    assertThat(read.totalSteps()).isEqualTo(41);
    assertThat(read.totalSamples()).isEqualTo(8000);
    assertThat(read.completedChunks())
        .containsExactly(
            new CompletedChunk(
                ChunkPosition.of(0, 1), 2, 40, 41, 8000, 0,
                Optional.of(Instant.parse("2024-05-01T12:00:00.500Z"))));
    assertThat(read.inProgressChunks())
        .containsExactly(new InProgressChunk(ChunkPosition.of(0, 2), 1));
  }

  @Test
  void missingTotalsAreSummedFromCompletions() throws IOException {
    Path file =
        writeFile(
            "{\"completed_chunks\": [{\"block_id\": 0, \"chunk_id\": 0, \"steps\": 3,"
                + " \"samples\": 30}, {\"block_id\": 0, \"chunk_id\": 1, \"steps\": 4,"
                + " \"samples\": 40}]}");

    LedgerState read = LedgerStore.read(file);

    assertThat(read.totalSteps()).isEqualTo(7);
    assertThat(read.totalSamples()).isEqualTo(70);
  }

  @Test
  void truncatedFileFailsAndStaysUnchanged() throws IOException {
    String full = LedgerStore.toJson(sampleLedger());
    Path file = writeFile(full.substring(0, full.length() / 2));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> LedgerStore.read(file))
        .isInstanceOf(LedgerFileException.class)
        .hasMessageStartingWith(
            "cannot read the chunk ledger " + file + ": the file is corrupt or truncated (")
        .hasMessageEndingWith(
            "The file was left unchanged. Restore it from a checkpoint's copy"
                + " (checkpoints/ckpt-*/chunk_tracker_state.json in the brain directory), or move"
                + " it aside to start a new ledger.")
        .satisfies(
            e -> assertThat(((LedgerFileException) e).problem())
                .isEqualTo(LedgerFileException.Problem.CORRUPT));
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void emptyFileIsReportedAsCorrupt() throws IOException {
    Path file = writeFile("");

    assertThatThrownBy(() -> LedgerStore.read(file))
        .isInstanceOf(LedgerFileException.class)
        .hasMessageContaining(
            "is corrupt or truncated (expected a JSON object, found nothing (the file is empty))");
  }

  @Test
  void wrongFieldTypeIsNamed() throws IOException {
    Path file = writeFile("{\"completed_chunks\": [{\"block_id\": \"x\", \"chunk_id\": 0}]}");

    assertThatThrownBy(() -> LedgerStore.read(file))
        .isInstanceOf(LedgerFileException.class)
        .hasMessageContaining(
            "is corrupt or truncated (completed_chunks[0].block_id is \"x\"; expected a whole"
                + " number)");
  }

  @Test
  void newerSchemaVersionNamesBothVersions() throws IOException {
    Path file = writeFile("{\"schema_version\": 9, \"completed_chunks\": []}");

    assertThatThrownBy(() -> LedgerStore.read(file))
        .isInstanceOf(LedgerFileException.class)
        .hasMessage(
            "cannot read the chunk ledger %s: it has schema_version 9, but this version of"
                + " hrm-trainer reads schema versions up to 1 (and older files without"
                + " schema_version). Upgrade hrm-trainer, or restore an older ledger from a"
                + " checkpoint (checkpoints/ckpt-*/chunk_tracker_state.json).",
            file);
  }

  @Test
  void missingFileReadsAsNoLedger() throws IOException {
    assertThat(LedgerStore.readIfExists(dir.resolve("absent.json"))).isEmpty();
  }

  @Test
  void writeLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve(LedgerStore.FILE_NAME);
    LedgerStore.write(file, LedgerState.empty("old", 10, 2, 3));

    LedgerStore.write(file, sampleLedger());

    assertThat(LedgerStore.read(file)).isEqualTo(sampleLedger());
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
