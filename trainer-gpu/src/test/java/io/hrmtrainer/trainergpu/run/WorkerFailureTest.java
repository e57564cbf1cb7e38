package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A worker that fails mid-chunk. */
@ExtendWith(OneIntraOpThread.class)
class WorkerFailureTest {

  @TempDir Path temp;

  @Test
  void workerFailureKeepsCommittedState() throws Exception {
    // given a 2-worker run whose worker 1 runs out of memory at step 2 of a chunk, after the
    // first checkpoint was committed
    RunFixture fixture = RunFixture.create(temp, 600);
    AtomicBoolean committed = new AtomicBoolean();
    AtomicReference<ChunkPosition> failedChunk = new AtomicReference<>();
    StepHook hook =
        (worker, chunk, step) -> {
          if (worker == 1 && step == 2 && committed.get() && failedChunk.get() == null) {
            failedChunk.set(chunk);
            throw new IllegalStateException("simulated out of memory on the device");
          }
        };
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onCheckpointCommitted(String name, long globalStep) {
            committed.set(true);
          }
        };

    // when it runs
    RunOutcome outcome =
        TrainingRun.builder(fixture.resolve(fixture.config().optWorkers(2).build()))
            .optStepHook(hook)
            .optListener(listener)
            .build()
            .execute();

    // then it fails with the worker, device, chunk and cause in the message and in the event
    ChunkPosition chunk = failedChunk.get();
    assertThat(chunk).isNotNull();
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILED);
    assertThat(outcome.message())
        .contains("worker 1 on cpu", "chunk " + chunk, "simulated out of memory on the device");
    List<TelemetryEvent> failures = fixture.events(EventNames.WORKER_FAILED, outcome.runId());
    assertThat(failures).hasSize(1);
    TelemetryEvent failure = failures.get(0);
    assertThat(RunFixture.intField(failure, "worker_id")).isEqualTo(1);
    assertThat(failure.field("device")).contains("cpu");
    assertThat(RunFixture.positionOf(failure)).isEqualTo(chunk);
    assertThat(failure.field("message").orElseThrow().toString()).contains("simulated out of");

    // and the failing chunk is not trained, nothing was committed after the failure, and the
    // newest checkpoint is intact and does not record the chunk
    assertThat(outcome.trainedChunks()).doesNotContain(chunk);
    List<String> order = fixture.events().stream().map(TelemetryEvent::name).toList();
    assertThat(order.lastIndexOf(EventNames.CHECKPOINT_COMMITTED))
        .isLessThan(order.indexOf(EventNames.WORKER_FAILED));
    CheckpointInfo newest = new CheckpointStore(fixture.brain()).newestValid().orElseThrow();
    assertThat(outcome.lastCheckpoint()).contains(newest.name());
    assertThat(RunFixture.trainedIn(fixture.checkpointLedger(newest.sequence()), 0))
        .doesNotContain(chunk);

    // when the run is resumed with one worker
    RunOutcome resumed = fixture.train(fixture.config().optResume(true).build());

    // then the failed chunk is trained, and the epoch ends with every chunk recorded once
    assertThat(resumed.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(resumed.trainedChunks()).contains(chunk);
    CheckpointInfo last = new CheckpointStore(fixture.brain()).newestValid().orElseThrow();
    var ledger = fixture.checkpointLedger(last.sequence());
    assertThat(RunFixture.trainedIn(ledger, 0))
        .containsExactlyElementsOf(RunFixture.positionsFrom(new ChunkPosition(0, 0), 2));
    assertThat(ledger.completedChunks()).hasSize(12);
  }
}
