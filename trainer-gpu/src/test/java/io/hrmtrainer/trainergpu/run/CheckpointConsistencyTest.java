package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.position.ChunkPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each checkpoint of a parallel run contains exactly the chunks whose training its averaged weights
 * contain, and the workers really train at the same time.
 */
@ExtendWith(OneIntraOpThread.class)
class CheckpointConsistencyTest {

  @TempDir Path temp;

  @Test
  void checkpointLedgerMatchesStepsTaken() throws Exception {
    // given a 2-worker run that records every step and, at each commit, which chunks have steps
    RunFixture fixture = RunFixture.create(temp, 600);
    Map<ChunkPosition, Integer> stepsTaken = new HashMap<>();
    List<Object[]> steps = new ArrayList<>();
    Map<String, Set<ChunkPosition>> atCommit = new HashMap<>();
    Map<String, Boolean> allComplete = new HashMap<>();
    StepHook record =
        (worker, chunk, step) -> {
          synchronized (stepsTaken) {
            stepsTaken.merge(chunk, 1, Integer::sum);
            steps.add(new Object[] {worker, chunk});
          }
        };
    TrainingListener commits =
        new TrainingListener() {
          @Override
          public void onCheckpointCommitted(String name, long globalStep) {
            // Called by the coordinator while every worker waits at a chunk boundary.
            synchronized (stepsTaken) {
              atCommit.put(name, new TreeSet<>(stepsTaken.keySet()));
              allComplete.put(name, stepsTaken.values().stream().allMatch(n -> n == 4));
            }
          }
        };

    // when it trains 12 chunks with a checkpoint every 3 chunks
    RunOutcome outcome =
        TrainingRun.builder(
                fixture.resolve(
                    fixture.config().optWorkers(2).optCheckpointIntervalChunks(3).build()))
            .optStepHook(record)
            .optListener(commits)
            .build()
            .execute();

    // then each checkpoint's ledger lists exactly the chunks that had steps when it was taken,
    // and every one of those chunks had all its 4 steps
    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(atCommit).hasSizeGreaterThanOrEqualTo(3);
    for (Map.Entry<String, Set<ChunkPosition>> entry : atCommit.entrySet()) {
      long sequence = BrainLayout.parseCheckpointName(entry.getKey()).orElseThrow();
      assertThat(RunFixture.trainedIn(fixture.checkpointLedger(sequence), 0))
          .as(entry.getKey())
          .isEqualTo(entry.getValue());
      assertThat(allComplete.get(entry.getKey())).as(entry.getKey()).isTrue();
    }

    // and the workers train concurrently: while one worker is inside a chunk, the other takes
    // steps (a run that serialised the workers chunk by chunk would show none)
    assertThat(chunksOverlappedByAnotherWorker(steps)).isGreaterThanOrEqualTo(2);
  }

  /** Counts the chunks between whose first and last step another worker took a step. */
  private static int chunksOverlappedByAnotherWorker(List<Object[]> steps) {
    Map<ChunkPosition, int[]> span = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      ChunkPosition chunk = (ChunkPosition) steps.get(i)[1];
      int index = i;
      span.merge(chunk, new int[] {i, i}, (a, b) -> new int[] {a[0], index});
    }
    int overlapped = 0;
    for (Map.Entry<ChunkPosition, int[]> entry : span.entrySet()) {
      Object worker = steps.get(entry.getValue()[0])[0];
      for (int i = entry.getValue()[0]; i <= entry.getValue()[1]; i++) {
        if (!steps.get(i)[0].equals(worker)) {
          overlapped++;
          break;
        }
      }
    }
    return overlapped;
  }
}
