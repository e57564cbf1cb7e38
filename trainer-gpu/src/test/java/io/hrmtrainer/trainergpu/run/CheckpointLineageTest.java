package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hrmtrainer.core.brain.BrainDescriptor;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointProblem;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.core.telemetry.EventNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint lineages: retention of a run prunes only the checkpoints of its own lineage. */
@ExtendWith(OneIntraOpThread.class)
class CheckpointLineageTest {

  @TempDir Path temp;

  @Test
  void newRunKeepsEarlierLineageCheckpoints() throws Exception {
    // given a brain trained to 3 checkpoints (6 chunks, a commit every 2)
    RunFixture fixture = RunFixture.create(temp, 600);
    RunOutcome first = fixture.train(fixture.config().optMaxChunks(6).build());
    assertThat(first.lastCheckpoint()).contains("ckpt-000003");

    // when a new run, not resumed, keeps 2 checkpoints and commits 3 of its own
    RunOutcome second =
        fixture.train(fixture.config().optKeepCheckpoints(2).optMaxChunks(6).build());

    // then every checkpoint of the first lineage is still there and valid
    Map<String, Optional<String>> lineages = lineagesByCheckpoint(fixture);
    assertThat(lineages)
        .containsEntry("ckpt-000001", Optional.of(first.runId()))
        .containsEntry("ckpt-000002", Optional.of(first.runId()))
        .containsEntry("ckpt-000003", Optional.of(first.runId()));
    // and the new lineage, named after the new run, contains its newest 2
    assertThat(lineages)
        .containsEntry("ckpt-000005", Optional.of(second.runId()))
        .containsEntry("ckpt-000006", Optional.of(second.runId()))
        .doesNotContainKey("ckpt-000004")
        .hasSize(5);
    assertThat(new CheckpointStore(fixture.brain()).list()).allMatch(CheckpointInfo::isValid);

    // and brain.json, the committed events and a resumed plan all point at the new lineage
    assertThat(BrainDescriptor.read(fixture.brain()).orElseThrow().latestCheckpoint())
        .contains("ckpt-000006");
    assertThat(
            fixture.events(EventNames.CHECKPOINT_COMMITTED, second.runId()).stream()
                .map(e -> e.field("lineage_id").orElseThrow())
                .distinct())
        .containsExactly(second.runId());
    assertThat(fixture.resolve(fixture.config().optResume(true).build()).checkpoint())
        .map(CheckpointInfo::name)
        .contains("ckpt-000006");
  }

  @Test
  void resumedRunPrunesOnlyItsLineage() throws Exception {
    // given a first lineage of 2 checkpoints and a second lineage of 1 after it
    RunFixture fixture = RunFixture.create(temp, 600);
    RunOutcome first = fixture.train(fixture.config().optMaxChunks(4).build());
    RunOutcome second = fixture.train(fixture.config().optMaxChunks(2).build());

    // when the second lineage resumes, keeps 2 and commits 2 more
    RunOutcome resumed =
        fixture.train(
            fixture.config().optResume(true).optKeepCheckpoints(2).optMaxChunks(4).build());

    // then the resumed run's checkpoints carry the second lineage, only that lineage is pruned,
    // and the start event names the lineage it continues
    Map<String, Optional<String>> lineages = lineagesByCheckpoint(fixture);
    assertThat(lineages)
        .containsOnlyKeys("ckpt-000001", "ckpt-000002", "ckpt-000004", "ckpt-000005")
        .containsEntry("ckpt-000001", Optional.of(first.runId()))
        .containsEntry("ckpt-000002", Optional.of(first.runId()))
        .containsEntry("ckpt-000004", Optional.of(second.runId()))
        .containsEntry("ckpt-000005", Optional.of(second.runId()));
    assertThat(
            fixture.events(EventNames.TRAINING_START_POSITION_SELECTED, resumed.runId()).get(0)
                .field("lineage_id"))
        .contains(second.runId());
  }

  @Test
  void trainerStateWithoutLineageReadsEmpty() throws Exception {
    // given a checkpoint whose trainer_state.json lacks lineage_id, as written before lineages
    RunFixture fixture = RunFixture.create(temp, 300);
    fixture.train(fixture.config().optMaxChunks(1).build());
    Path copy = Files.createDirectories(temp.resolve("old").resolve("ckpt-000001"));
    ObjectNode state =
        (ObjectNode)
            JsonFiles.readTree(fixture.brain().checkpointDir(1).resolve(TrainerState.FILE_NAME));
    assertThat(state.has("lineage_id")).isTrue();
    state.remove("lineage_id");
    Files.write(copy.resolve(TrainerState.FILE_NAME), JsonFiles.toBytes(state));

    // when it is read
    TrainerState read = JsonFiles.read(copy.resolve(TrainerState.FILE_NAME), TrainerState.class);
    Optional<String> lineage =
        TrainerState.readLineage(
            CheckpointInfo.invalid(1, copy, CheckpointProblem.NO_COMMIT_RECORD, "a test copy"));

    // then it has no lineage, and the rest of its state reads as before
    assertThat(read.lineage()).isEmpty();
    assertThat(read.globalStep()).isPositive();
    assertThat(lineage).isEmpty();
  }

  /** Returns each checkpoint directory's name with the lineage its trainer state names. */
  private static Map<String, Optional<String>> lineagesByCheckpoint(RunFixture fixture)
      throws Exception {
    List<CheckpointInfo> checkpoints = new CheckpointStore(fixture.brain()).list();
    return checkpoints.stream()
        .collect(Collectors.toMap(CheckpointInfo::name, TrainerState::readLineage));
  }
}
