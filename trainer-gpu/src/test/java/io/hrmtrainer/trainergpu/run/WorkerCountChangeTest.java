package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The worker count may change between runs on one brain. */
@ExtendWith(OneIntraOpThread.class)
class WorkerCountChangeTest {

  @TempDir Path temp;

  @Test
  void resumeWithOtherWorkerCounts() throws Exception {
    // given a 3-block brain where 2 workers trained 4 chunks from (0, 0)
    RunFixture fixture = RunFixture.create(temp, 900);
    RunOutcome two = fixture.train(fixture.config().optWorkers(2).optMaxChunks(4).build());
    assertThat(two.trainedChunks())
        .containsExactlyInAnyOrderElementsOf(
            RunFixture.positionsFrom(new ChunkPosition(0, 0), 1).subList(0, 4));

    // when one worker resumes from (1, 2) for 2 chunks
    RunOutcome one =
        fixture.train(
            fixture.config()
                .optResume(true)
                .optStartBlockId(1)
                .optStartChunkId(2)
                .optMaxChunks(2)
                .build());

    // then it loaded the 2-worker checkpoint and trained (1, 2) and (1, 3)
    assertThat(one.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(one.trainedChunks())
        .containsExactly(new ChunkPosition(1, 2), new ChunkPosition(1, 3));
    assertThat(startEvent(fixture, one).field("checkpoint")).contains(two.lastCheckpoint().get());
    assertClaimsAtOrAfter(fixture, one, new ChunkPosition(1, 2));

    // when three workers resume from (2, 0) without a limit
    RunOutcome three =
        fixture.train(
            fixture.config()
                .optResume(true)
                .optStartBlockId(2)
                .optStartChunkId(0)
                .optWorkers(3)
                .build());

    // then all three claim at or after (2, 0) and together train block 2 exactly once
    assertThat(three.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(three.trainedChunks())
        .containsExactlyInAnyOrderElementsOf(RunFixture.positionsFrom(new ChunkPosition(2, 0), 3));
    assertClaimsAtOrAfter(fixture, three, new ChunkPosition(2, 0));
    assertThat((List<?>) startEvent(fixture, three).field("workers").orElseThrow()).hasSize(3);
    assertThat(
            fixture.events(EventNames.CHUNK_TRAINED, three.runId()).stream()
                .map(e -> RunFixture.intField(e, "worker_id"))
                .distinct())
        .hasSizeGreaterThan(1);

    // and the final ledger contains the 12 chunks of the three runs, each once
    long sequence = Long.parseLong(three.lastCheckpoint().orElseThrow().substring(5));
    var ledger = fixture.checkpointLedger(sequence);
    assertThat(ledger.completedChunks()).hasSize(12);
    assertThat(RunFixture.trainedIn(ledger, 0)).hasSize(12);
  }

  private static TelemetryEvent startEvent(RunFixture fixture, RunOutcome outcome)
      throws Exception {
    return fixture.events(EventNames.TRAINING_START_POSITION_SELECTED, outcome.runId()).get(0);
  }

  private static void assertClaimsAtOrAfter(
      RunFixture fixture, RunOutcome outcome, ChunkPosition start) throws Exception {
    List<ChunkPosition> claimed =
        fixture.events(EventNames.CHUNK_CLAIMED, outcome.runId()).stream()
            .map(RunFixture::positionOf)
            .toList();
    assertThat(claimed).isNotEmpty().allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(start));
    assertThat(claimed.get(0)).isEqualTo(start);
  }
}
