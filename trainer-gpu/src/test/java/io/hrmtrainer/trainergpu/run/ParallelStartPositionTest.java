package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** N workers under one start position over one shared ledger. */
@ExtendWith(OneIntraOpThread.class)
class ParallelStartPositionTest {

  private static final ChunkPosition START = new ChunkPosition(1, 3);
  private static final ChunkPosition TRAINED_BEFORE = new ChunkPosition(2, 1);

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} CPU workers")
  @ValueSource(ints = {2, 4})
  void workersTrainChunksFromStartPosition(int workers) throws Exception {
    // given a 3-block dataset whose ledger already has (2, 1) trained
    RunFixture fixture = RunFixture.create(temp, 900);
    fixture.train(
        fixture.config().optStartBlockId(2).optStartChunkId(1).optMaxChunks(1).build());

    // when a resumed run trains from (1, 3) with several workers
    TrainingConfig config =
        fixture.config()
            .optResume(true)
            .optStartBlockId(START.blockId())
            .optStartChunkId(START.chunkId())
            .optDevice("cpu")
            .optWorkers(workers)
            .optParallelIndependent(true)
            .build();
    RunOutcome outcome = fixture.train(config);

    // then every claim is at or after (1, 3), no chunk is trained twice, and the trained chunks
    // are exactly those at or after (1, 3) except the one the ledger already had
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    String runId = outcome.runId();
    List<ChunkPosition> claimed = positions(fixture.events(EventNames.CHUNK_CLAIMED, runId));
    List<ChunkPosition> trained = positions(fixture.events(EventNames.CHUNK_TRAINED, runId));
    assertThat(claimed).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(START));
    assertThat(trained).doesNotHaveDuplicates();
    List<ChunkPosition> expected = new ArrayList<>(RunFixture.positionsFrom(START, 3));
    expected.remove(TRAINED_BEFORE);
    assertThat(trained).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(positions(fixture.events(EventNames.CHUNK_SKIPPED, runId)))
        .containsExactly(TRAINED_BEFORE);

    assertThat(RunFixture.trainedIn(fixture.checkpointLedger(sequenceOf(outcome)), 0))
        .containsExactlyInAnyOrderElementsOf(
            concat(expected, List.of(TRAINED_BEFORE)));

    // and every worker event names its worker and device, and more than one worker trained
    Set<Integer> trainingWorkers = new HashSet<>();
    for (TelemetryEvent event : fixture.events(EventNames.CHUNK_TRAINED, runId)) {
      assertThat(event.field("device")).contains("cpu");
      trainingWorkers.add(RunFixture.intField(event, "worker_id"));
    }
    for (TelemetryEvent event : fixture.events(EventNames.CHUNK_CLAIMED, runId)) {
      assertThat(event.field("worker_id")).isPresent();
      assertThat(event.field("device")).contains("cpu");
    }
    assertThat(trainingWorkers).hasSizeGreaterThan(1);

    // and the start event lists each worker with the first chunk it will claim
    TelemetryEvent start =
        fixture.events(EventNames.TRAINING_START_POSITION_SELECTED, runId).get(0);
    List<?> listed = (List<?>) start.field("workers").orElseThrow();
    assertThat(listed).hasSize(workers);
    Map<?, ?> first = (Map<?, ?>) ((Map<?, ?>) listed.get(0)).get("first_chunk");
    Map<?, ?> second = (Map<?, ?>) ((Map<?, ?>) listed.get(1)).get("first_chunk");
    assertThat(first.toString()).isEqualTo("{block_id=1, chunk_id=3}");
    assertThat(second.toString()).isEqualTo("{block_id=1, chunk_id=4}");
    assertThat(((Map<?, ?>) listed.get(1)).get("device")).isEqualTo("cpu");
  }

  private static long sequenceOf(RunOutcome outcome) {
    String name = outcome.lastCheckpoint().orElseThrow();
    return Long.parseLong(name.substring(name.indexOf('-') + 1));
  }

  private static List<ChunkPosition> positions(List<TelemetryEvent> events) {
    return events.stream().map(RunFixture::positionOf).toList();
  }

  private static List<ChunkPosition> concat(List<ChunkPosition> a, List<ChunkPosition> b) {
    List<ChunkPosition> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
