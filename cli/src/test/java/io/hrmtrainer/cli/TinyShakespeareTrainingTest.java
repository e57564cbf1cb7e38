package io.hrmtrainer.cli;

import static io.hrmtrainer.cli.Brains.named;
import static io.hrmtrainer.cli.Brains.positions;
import static io.hrmtrainer.cli.Brains.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command on the bundled Tiny Shakespeare: a start position that is not (0, 0),
 * progress, a committed checkpoint, the start event and a falling loss.
 *
 * <p>The only test on the full file. It trains three chunks of 1,000 samples once (about 15 s on 2
 * idle cores), and the tests below read what that run left.
 */
class TinyShakespeareTrainingTest {

  /** The bundled dataset, relative to the cli module, where Maven runs the tests. */
  private static final Path TINY_SHAKESPEARE = Path.of("../samples/tinyshakespeare.txt");

  @TempDir static Path temp;

  private static Path saveDir;
  private static Cli.Result result;
  private static List<TelemetryEvent> events;

  @BeforeAll
  static void trainTheReadmeCommand() throws IOException {
    assertThat(TINY_SHAKESPEARE).as("the bundled dataset").isRegularFile();
    saveDir = temp.resolve("brain");

    result =
        Cli.run(
            "train",
            "--dataset-file",
            TINY_SHAKESPEARE,
            "--save-dir",
            saveDir,
            "--samples-per-block",
            10000,
            "--dataset-chunk-size",
            1000,
            "--start-block-id",
            1,
            "--start-chunk-id",
            2,
            "--max-chunks",
            3);

    events = Files.exists(saveDir) ? Brains.events(saveDir) : List.of();
  }

  @Test
  void exitsZeroWithSummary() {
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out())
        .startsWith(
            "completed: 3 chunks trained, 0 skipped, optimizer step 189, last checkpoint"
                + " ckpt-000001\n")
        .containsPattern("mean loss: first chunk \\d+\\.\\d{4}, last chunk \\d+\\.\\d{4}");
  }

  @Test
  void showsPlanAndProgress() {
    assertThat(result.err())
        .contains("start position:   (1, 2) (override), respect the ledger\n")
        .contains(
            "chunks:           33 in all, 12 below the start, 0 already trained at or after it,"
                + " 3 to train (--max-chunks 3)\n")
        .containsPattern(
            "trained chunk \\(1, 2\\) on worker 0: mean loss \\d+\\.\\d{4} \\(1/3 chunks\\)")
        .containsPattern(
            "trained chunk \\(1, 4\\) on worker 0: mean loss \\d+\\.\\d{4} \\(3/3 chunks\\)")
        .contains("committed checkpoint ckpt-000001 at optimizer step 189\n");
  }

  @Test
  void commitsAValidCheckpoint() throws IOException {
    List<CheckpointInfo> checkpoints = new CheckpointStore(BrainLayout.of(saveDir)).list();

    assertThat(checkpoints).extracting(CheckpointInfo::name).containsExactly("ckpt-000001");
    assertThat(checkpoints.get(0).isValid()).as("%s", checkpoints.get(0)).isTrue();
    assertThat(single(events, EventNames.CHECKPOINT_COMMITTED).fields())
        .containsEntry("checkpoint", "ckpt-000001")
        .containsEntry("optimizer_step", 189)
        .containsEntry("chunks_committed", 3);
  }

  @Test
  void startEventHasEveryField() {
    TelemetryEvent start = single(events, EventNames.TRAINING_START_POSITION_SELECTED);

    assertThat(start.fields())
        .containsKeys(
            "start_block_id",
            "start_chunk_id",
            "override_active",
            "force_train",
            "resume",
            "checkpoint",
            "dataset",
            "total_blocks",
            "total_chunks",
            "chunks_below_start",
            "chunks_already_trained",
            "chunks_to_train",
            "first_chunk",
            "workers",
            "seek")
        .containsEntry("start_block_id", 1)
        .containsEntry("start_chunk_id", 2)
        .containsEntry("override_active", true)
        .containsEntry("force_train", false)
        .containsEntry("resume", false)
        .containsEntry("checkpoint", null)
        .containsEntry("dataset", TINY_SHAKESPEARE.toAbsolutePath().normalize().toString())
        .containsEntry("total_blocks", 4)
        .containsEntry("total_chunks", 33)
        .containsEntry("chunks_below_start", 12)
        .containsEntry("chunks_already_trained", 0)
        .containsEntry("chunks_to_train", 3)
        .containsEntry("first_chunk", Map.of("block_id", 1, "chunk_id", 2));
    assertThat(start.field("workers").orElseThrow())
        .isEqualTo(
            List.of(
                Map.of(
                    "worker_id",
                    0,
                    "device",
                    "cpu",
                    "first_chunk",
                    Map.of("block_id", 1, "chunk_id", 2))));
    @SuppressWarnings("unchecked")
    Map<String, Object> seek = (Map<String, Object>) start.field("seek").orElseThrow();
    assertThat(seek)
        .containsEntry("method", "byte_offset")
        .containsEntry("samples_before_first_chunk", 12000);
  }

  @Test
  void startEventPrecedesFirstClaim() {
    List<String> names = events.stream().map(TelemetryEvent::name).toList();

    assertThat(names.indexOf(EventNames.TRAINING_START_POSITION_SELECTED))
        .isNotNegative()
        .isLessThan(names.indexOf(EventNames.CHUNK_CLAIMED));
  }

  @Test
  void claimsFromStartInOrder() {
    assertThat(positions(events, EventNames.CHUNK_CLAIMED))
        .containsExactly(ChunkPosition.of(1, 2), ChunkPosition.of(1, 3), ChunkPosition.of(1, 4));
  }

  @Test
  void lastChunkLossClearlyLower() {
    List<Double> losses =
        named(events, EventNames.CHUNK_TRAINED).stream()
            .map(event -> ((Number) event.field("loss").orElseThrow()).doubleValue())
            .toList();

    assertThat(losses).hasSize(3);
    // Measured 3.85 then 2.27 nats per token. A fifth lower leaves room for other kernels.
    assertThat(losses.get(2)).isLessThan(0.8 * losses.get(0));
  }
}
