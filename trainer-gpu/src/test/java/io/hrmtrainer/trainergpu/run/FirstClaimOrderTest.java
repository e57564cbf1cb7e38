package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The first claim of each worker is the first chunk the start event names for it. */
@ExtendWith(OneIntraOpThread.class)
class FirstClaimOrderTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} CPU workers")
  @ValueSource(ints = {2, 4})
  void firstClaimsMatchStartEvent(int workers) throws Exception {
    // given a run of several workers from (0, 2)
    RunFixture fixture = RunFixture.create(temp, 600);
    RunOutcome outcome =
        fixture.train(
            fixture.config()
                .optStartChunkId(2)
                .optDevice("cpu")
                .optWorkers(workers)
                .optParallelIndependent(true)
                .optMaxChunks(2 * workers)
                .build());

    // when the events of the run are read
    String runId = outcome.runId();
    TelemetryEvent start =
        fixture.events(EventNames.TRAINING_START_POSITION_SELECTED, runId).get(0);
    Map<Integer, String> firstClaimed = new HashMap<>();
    for (TelemetryEvent claim : fixture.events(EventNames.CHUNK_CLAIMED, runId)) {
      firstClaimed.putIfAbsent(
          RunFixture.intField(claim, "worker_id"), RunFixture.positionOf(claim).toString());
    }

    // then every worker's first chunk_claimed is the chunk the start event promised it
    List<?> listed = (List<?>) start.field("workers").orElseThrow();
    assertThat(listed).hasSize(workers);
    Map<Integer, String> promised = new HashMap<>();
    for (Object entry : listed) {
      Map<?, ?> worker = (Map<?, ?>) entry;
      Map<?, ?> first = (Map<?, ?>) worker.get("first_chunk");
      promised.put(
          ((Number) worker.get("worker_id")).intValue(),
          String.format("(%s, %s)", first.get("block_id"), first.get("chunk_id")));
    }
    assertThat(firstClaimed).isEqualTo(promised);
    assertThat(promised.get(0)).isEqualTo("(0, 2)");
  }
}
