package io.hrmtrainer.cli;

import static io.hrmtrainer.cli.Brains.lastRunEvents;
import static io.hrmtrainer.cli.Brains.named;
import static io.hrmtrainer.cli.Brains.positions;
import static io.hrmtrainer.cli.Brains.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
 * Resuming at a start position whose chunks the ledger has already trained: respected by default,
 * trained again with {@code --force-train}, and exit code 3 when nothing is left.
 *
 * <p>Every test resumes a copy of one brain that trained (2, 2) and (2, 3), the last two chunks of
 * a 600-line dataset (3 blocks of 4 chunks).
 */
class ConflictTest {

  @TempDir static Path shared;

  private static Path dataset;
  private static Path trainedBrain;

  @TempDir Path temp;

  @BeforeAll
  static void trainTheLastTwoChunks() throws IOException {
    dataset = TinyDataset.write(shared, "lines.txt", 600);
    trainedBrain = shared.resolve("brain");

    Cli.Result result =
        TinyDataset.train(dataset, trainedBrain, "--start-block-id", "2", "--start-chunk-id", "2");

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  @Test
  void respectModeSkipsTrainedChunks() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));

    Cli.Result result =
        TinyDataset.train(
            dataset, brain, "--resume", "--start-block-id", "2", "--start-chunk-id", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<TelemetryEvent> events = lastRunEvents(brain);
    assertThat(named(events, EventNames.CHUNK_SKIPPED))
        .extracting(Brains::positionOf, event -> event.field("reason").orElseThrow())
        .containsExactly(
            tuple(ChunkPosition.of(2, 2), "already_trained"),
            tuple(ChunkPosition.of(2, 3), "already_trained"));
    assertThat(positions(events, EventNames.CHUNK_TRAINED)).containsExactly(ChunkPosition.of(2, 1));
    assertThat(single(events, EventNames.TRAINING_START_POSITION_SELECTED).fields())
        .containsEntry("force_train", false)
        .containsEntry("chunks_already_trained", 2)
        .containsEntry("chunks_to_train", 1);
    assertThat(result.err())
        .contains("skipped chunk (2, 2): already trained (use --force-train to retrain)\n");
  }

  @Test
  void forceTrainRetrainsChunks() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));

    Cli.Result result =
        TinyDataset.train(
            dataset,
            brain,
            "--resume",
            "--start-block-id",
            "2",
            "--start-chunk-id",
            "2",
            "--force-train");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<TelemetryEvent> events = lastRunEvents(brain);
    assertThat(named(events, EventNames.CHUNK_SKIPPED)).isEmpty();
    assertThat(positions(events, EventNames.CHUNK_TRAINED))
        .containsExactly(ChunkPosition.of(2, 2), ChunkPosition.of(2, 3));
    assertThat(single(events, EventNames.TRAINING_START_POSITION_SELECTED).fields())
        .containsEntry("force_train", true)
        .containsEntry("chunks_to_train", 2);
  }

  @Test
  void nothingLeftExitsThreeWithHint() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));

    Cli.Result result =
        TinyDataset.train(
            dataset, brain, "--resume", "--start-block-id", "2", "--start-chunk-id", "2");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.NOTHING_TO_TRAIN);
    List<TelemetryEvent> events = lastRunEvents(brain);
    assertThat(single(events, EventNames.NOTHING_TO_TRAIN).fields())
        .containsEntry("chunks_already_trained", 2)
        .containsEntry("chunks_to_train", 0)
        .hasEntrySatisfying("hint", hint -> assertThat((String) hint).contains("--force-train"));
    assertThat(named(events, EventNames.CHUNK_CLAIMED)).isEmpty();
    assertThat(result.out())
        .isEqualTo(
            String.format(
                "nothing to train: all 2 chunks at or after (2, 2) are already trained in epoch 0;"
                    + " pass --force-train to train them again or choose an earlier start"
                    + " position%n"));
    assertThat(result.err())
        .contains(
            "outcome:          nothing to train; pass --force-train, choose an earlier start"
                + " position, or raise --epochs\n");
  }

  @Test
  void nothingToTrainCommitsNothing() throws IOException {
    Path brain = Brains.copy(trainedBrain, temp.resolve("brain"));
    Map<String, String> checkpointsBefore = Brains.snapshot(brain.resolve("checkpoints"));

    TinyDataset.train(dataset, brain, "--resume", "--start-block-id", "2", "--start-chunk-id", "2");

    assertThat(Brains.snapshot(brain.resolve("checkpoints"))).isEqualTo(checkpointsBefore);
  }
}
