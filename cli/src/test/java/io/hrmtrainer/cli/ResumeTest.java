package io.hrmtrainer.cli;

import static io.hrmtrainer.cli.Brains.lastRunEvents;
import static io.hrmtrainer.cli.Brains.positions;
import static io.hrmtrainer.cli.Brains.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --resume}: which checkpoint is loaded and which chunk is claimed first, with and
 * without a start position.
 *
 * <p>Every test resumes a copy of one brain that trained chunks (0, 0) and (0, 1) of a 600-line
 * dataset (3 blocks of 4 chunks) and committed {@code ckpt-000001}.
 */
class ResumeTest {

  @TempDir static Path shared;

  private static Path dataset;
  private static Path trainedBrain;

  @TempDir Path temp;

  @BeforeAll
  static void trainTwoChunks() throws IOException {
    dataset = TinyDataset.write(shared, "lines.txt", 600);
    trainedBrain = shared.resolve("brain");

    Cli.Result result = TinyDataset.train(dataset, trainedBrain, "--max-chunks", "2");

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  @Test
  void resumeWithStartClaimsStartChunk() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));

    Cli.Result result =
        TinyDataset.train(
            dataset,
            brain,
            "--resume",
            "--start-block-id",
            "2",
            "--start-chunk-id",
            "0",
            "--max-chunks",
            "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<TelemetryEvent> events = lastRunEvents(brain);
    assertThat(single(events, EventNames.TRAINING_START_POSITION_SELECTED).fields())
        .containsEntry("resume", true)
        .containsEntry("checkpoint", "ckpt-000001")
        .containsEntry("start_block_id", 2)
        .containsEntry("start_chunk_id", 0)
        .containsEntry("override_active", true)
        .containsEntry("chunks_below_start", 8)
        .containsEntry("chunks_already_trained", 0)
        .containsEntry("first_chunk", Map.of("block_id", 2, "chunk_id", 0));
    assertThat(positions(events, EventNames.CHUNK_CLAIMED)).containsExactly(ChunkPosition.of(2, 0));
    assertThat(result.err()).contains("run:              resume from ckpt-000001 (");
  }

  @Test
  void resumeAloneClaimsFirstUntrained() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));

    Cli.Result result = TinyDataset.train(dataset, brain, "--resume", "--max-chunks", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<TelemetryEvent> events = lastRunEvents(brain);
    assertThat(single(events, EventNames.TRAINING_START_POSITION_SELECTED).fields())
        .containsEntry("resume", true)
        .containsEntry("checkpoint", "ckpt-000001")
        .containsEntry("override_active", false)
        .containsEntry("chunks_already_trained", 2)
        .containsEntry("first_chunk", Map.of("block_id", 0, "chunk_id", 2));
    assertThat(positions(events, EventNames.CHUNK_CLAIMED))
        .first()
        .isEqualTo(ChunkPosition.of(0, 2));
  }

  @Test
  void resumeLoadsNewestCheckpoint() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));
    TinyDataset.train(
        dataset,
        brain,
        "--resume",
        "--start-block-id",
        "2",
        "--start-chunk-id",
        "0",
        "--max-chunks",
        "1");

    Cli.Result result = TinyDataset.train(dataset, brain, "--resume", "--max-chunks", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<TelemetryEvent> events = lastRunEvents(brain);
    assertThat(single(events, EventNames.TRAINING_START_POSITION_SELECTED).fields())
        .containsEntry("checkpoint", "ckpt-000002")
        .containsEntry("chunks_already_trained", 3);
    assertThat(positions(events, EventNames.CHUNK_CLAIMED))
        .first()
        .isEqualTo(ChunkPosition.of(0, 2));
  }

  @Test
  void resumeWithoutCheckpointStartsNewRun() throws IOException {
    Path brain = temp.resolve("empty-brain");

    Cli.Result result = TinyDataset.train(dataset, brain, "--resume", "--max-chunks", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<TelemetryEvent> events = lastRunEvents(brain);
    assertThat(single(events, EventNames.RESUME_DISABLED).fields())
        .containsEntry("save_dir", brain.toString())
        .containsKey("reason");
    assertThat(single(events, EventNames.TRAINING_START_POSITION_SELECTED).fields())
        .containsEntry("checkpoint", null);
    assertThat(positions(events, EventNames.CHUNK_CLAIMED)).containsExactly(ChunkPosition.ORIGIN);
    assertThat(result.err()).contains("resume disabled:  ");
  }
}
