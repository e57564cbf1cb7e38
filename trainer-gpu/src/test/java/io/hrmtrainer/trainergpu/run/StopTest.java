package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Graceful, immediate and stop-file stops, with two workers where it matters. */
@ExtendWith(OneIntraOpThread.class)
class StopTest {

  @TempDir Path temp;

  @Test
  void gracefulStopFinishesEveryWorkersChunk() throws Exception {
    // given a 2-worker run that requests a graceful stop when the first chunk is trained
    RunFixture fixture = RunFixture.create(temp, 600);
    StopSignal stop = new StopSignal();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onChunkTrained(int worker, ChunkPosition chunk, double loss) {
            stop.requestGraceful("asked by the test after the first chunk");
          }
        };

    // when it runs
    RunOutcome outcome =
        TrainingRun.builder(fixture.resolve(fixture.config().optWorkers(2).build()))
            .optStopSignal(stop)
            .optListener(listener)
            .build()
            .execute();

    // then it stops early, every claimed chunk was finished, and the last checkpoint contains
    // exactly the chunks trained
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.STOPPED);
    assertThat(outcome.trainedChunks()).hasSizeBetween(1, 4);
    assertThat(positions(fixture, EventNames.CHUNK_CLAIMED, outcome.runId()))
        .isEqualTo(positions(fixture, EventNames.CHUNK_TRAINED, outcome.runId()));
    assertThat(committedChunks(fixture)).isEqualTo(new TreeSet<>(outcome.trainedChunks()));
    TelemetryEvent stopped =
        fixture.events(EventNames.TRAINING_STOPPED, outcome.runId()).get(0);
    assertThat(stopped.field("reason")).contains("asked by the test after the first chunk");
  }

  @Test
  void immediateStopAbandonsChunksInTraining() throws Exception {
    // given a 2-worker run that requests an immediate stop at step 2 of worker 0's second chunk
    RunFixture fixture = RunFixture.create(temp, 600);
    StopSignal stop = new StopSignal();
    AtomicBoolean firstChunkSeen = new AtomicBoolean();
    StepHook hook =
        (worker, chunk, step) -> {
          if (worker == 0 && step == 1 && !firstChunkSeen.compareAndSet(false, true)) {
            stop.requestImmediate("stop now, asked by the test");
          }
        };

    // when it runs
    RunOutcome outcome =
        TrainingRun.builder(fixture.resolve(fixture.config().optWorkers(2).build()))
            .optStopSignal(stop)
            .optStepHook(hook)
            .build()
            .execute();

    // then worker 0's chunk is claimed but not trained, not committed, and what was trained is
    Set<ChunkPosition> claimed = positions(fixture, EventNames.CHUNK_CLAIMED, outcome.runId());
    Set<ChunkPosition> trained = positions(fixture, EventNames.CHUNK_TRAINED, outcome.runId());
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.STOPPED);
    assertThat(trained).hasSizeLessThan(12).isEqualTo(new TreeSet<>(outcome.trainedChunks()));
    Set<ChunkPosition> abandoned = new TreeSet<>(claimed);
    abandoned.removeAll(trained);
    assertThat(abandoned).isNotEmpty();
    assertThat(committedChunks(fixture)).isEqualTo(trained).doesNotContainAnyElementsOf(abandoned);
    // both workers stopped: at most the chunk each had in hand was claimed after the stop
    assertThat(claimed.size()).isLessThanOrEqualTo(trained.size() + 2);

    // and a resume trains the abandoned chunks
    RunOutcome resumed = fixture.train(fixture.config().optResume(true).optWorkers(2).build());
    assertThat(resumed.trainedChunks()).containsAll(abandoned);
  }

  @Test
  void immediateStopReportsAbandonedChunkSteps() throws Exception {
    // given a one-worker run that stops immediately before step 3 of its second chunk
    RunFixture fixture = RunFixture.create(temp, 300);
    StopSignal stop = new StopSignal();
    ChunkPosition second = new ChunkPosition(0, 1);
    StepHook hook =
        (worker, chunk, step) -> {
          if (chunk.equals(second) && step == 3) {
            stop.requestImmediate("stop now, asked by the test");
          }
        };

    // when it runs
    RunOutcome outcome =
        TrainingRun.builder(fixture.resolve(fixture.config().build()))
            .optStopSignal(stop)
            .optStepHook(hook)
            .build()
            .execute();

    // then the committed weights contain 2 steps of the second chunk, which the ledger does not
    // record
    assertThat(outcome.trainedChunks()).containsExactly(new ChunkPosition(0, 0));
    assertThat(committedChunks(fixture)).containsExactly(new ChunkPosition(0, 0));
    int stepsPerChunk = 4; // 50 samples in batches of 16
    assertThat(outcome.globalStep()).isEqualTo(stepsPerChunk + 2);

    // and the stop event and the outcome report it
    TelemetryEvent stopped = fixture.events(EventNames.TRAINING_STOPPED, outcome.runId()).get(0);
    List<?> abandoned = (List<?>) stopped.field("abandoned_chunks").orElseThrow();
    assertThat(abandoned).hasSize(1);
    assertThat(abandoned.get(0).toString())
        .isEqualTo(
            "{worker_id=0, block_id=0, chunk_id=1, epoch=0, steps_taken=2, steps_in_chunk=4,"
                + " in_committed_weights=true}");
    assertThat(outcome.message())
        .contains(
            "abandoned (0, 1) after 2 of 4 steps: the committed weights include those steps",
            "--resume trains them again in full");
  }

  @Test
  void uncommittedRunNamesResumedCheckpoint() throws Exception {
    // given a brain with one checkpoint, and a resumed run stopped before its first chunk
    RunFixture fixture = RunFixture.create(temp, 300);
    fixture.train(fixture.config().optMaxChunks(2).build());
    StopSignal stop = new StopSignal();
    stop.requestGraceful("stopped by the test before the first chunk");

    // when it runs
    RunOutcome outcome =
        TrainingRun.builder(fixture.resolve(fixture.config().optResume(true).build()))
            .optStopSignal(stop)
            .build()
            .execute();

    // then it names the checkpoint it resumed from and reports that it committed none
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.STOPPED);
    assertThat(outcome.chunksTrained()).isZero();
    assertThat(outcome.lastCheckpoint()).contains("ckpt-000001");
    assertThat(outcome.resumedFrom()).contains("ckpt-000001");
    assertThat(outcome.committedCheckpoint()).isFalse();
    assertThat(outcome.message())
        .contains("this run committed no checkpoint, so ckpt-000001 stays the newest state");
    assertThat(new CheckpointStore(fixture.brain()).list()).hasSize(1);
  }

  @Test
  void stopFileEndsTheRunGracefully() throws Exception {
    // given a run whose stop file appears once the first chunk is trained
    RunFixture fixture = RunFixture.create(temp, 600);
    Path stopFile = temp.resolve("STOP");
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onChunkTrained(int worker, ChunkPosition chunk, double loss) {
            try {
              Files.writeString(stopFile, "stop");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };

    // when it runs with that stop file
    RunOutcome outcome =
        TrainingRun.builder(fixture.resolve(fixture.config().optStopFile(stopFile).build()))
            .optListener(listener)
            .build()
            .execute();

    // then it stops after that chunk and commits it
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.STOPPED);
    assertThat(outcome.trainedChunks()).containsExactly(new ChunkPosition(0, 0));
    assertThat(outcome.message()).contains("stop file", stopFile.toString());
    assertThat(committedChunks(fixture)).containsExactly(new ChunkPosition(0, 0));
  }

  private static Set<ChunkPosition> positions(RunFixture fixture, String event, String runId)
      throws Exception {
    List<TelemetryEvent> events = fixture.events(event, runId);
    return new TreeSet<>(events.stream().map(RunFixture::positionOf).toList());
  }

  private static Set<ChunkPosition> committedChunks(RunFixture fixture) throws Exception {
    long newest =
        new CheckpointStore(fixture.brain()).newestValid().orElseThrow().sequence();
    return RunFixture.trainedIn(fixture.checkpointLedger(newest), 0);
  }
}
