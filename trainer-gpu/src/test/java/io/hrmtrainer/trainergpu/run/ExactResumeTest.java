package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact resume: 4 chunks in one run and 2 + resume + 2 end bit-identical.
 *
 * <p>Bit equality holds because the class runs with one intra-op thread ({@link
 * OneIntraOpThread}); no tolerance is needed.
 */
@ExtendWith(OneIntraOpThread.class)
class ExactResumeTest {

  @TempDir Path temp;

  @Test
  void resumedRunMatchesSingleRun() throws Exception {
    // given the same dataset and seed in two brains
    Path oneRunDir = Files.createDirectories(temp.resolve("one"));
    Path splitDir = Files.createDirectories(temp.resolve("split"));
    RunFixture oneRun = RunFixture.create(oneRunDir, 300);
    RunFixture split = RunFixture.create(splitDir, 300);

    // when one brain trains 4 chunks in one run, the other 2, then resumes for 2 more
    oneRun.train(oneRun.config().optMaxChunks(4).build());
    split.train(split.config().optMaxChunks(2).build());
    RunOutcome resumed = split.train(split.config().optResume(true).optMaxChunks(2).build());

    // then both end with checkpoint 2 holding identical weights and optimizer state
    assertThat(resumed.globalStep()).isEqualTo(16);
    assertThat(split.checkpointFile(2, CheckpointCommitter.MODEL_FILE))
        .isEqualTo(oneRun.checkpointFile(2, CheckpointCommitter.MODEL_FILE));
    assertThat(split.checkpointFile(2, CheckpointCommitter.OPTIMIZER_FILE))
        .isEqualTo(oneRun.checkpointFile(2, CheckpointCommitter.OPTIMIZER_FILE));

    // and the same counters and ledger
    TrainerState expected = state(oneRun);
    TrainerState actual = state(split);
    assertThat(actual.globalStep()).isEqualTo(expected.globalStep()).isEqualTo(16);
    assertThat(actual.samplesTrained()).isEqualTo(expected.samplesTrained()).isEqualTo(200);
    assertThat(actual.chunksCommitted()).isEqualTo(4);
    assertThat(ledgerEntries(split.checkpointLedger(2)))
        .isEqualTo(ledgerEntries(oneRun.checkpointLedger(2)));
    assertThat(split.checkpointLedger(2).totalSteps()).isEqualTo(16);
  }

  private static TrainerState state(RunFixture fixture) throws Exception {
    return JsonFiles.read(
        fixture.brain().checkpointDir(2).resolve(TrainerState.FILE_NAME), TrainerState.class);
  }

  /** The ledger's entries without their timestamps, which differ between the two brains. */
  private static List<String> ledgerEntries(LedgerState ledger) {
    return ledger.completedChunks().stream().map(ExactResumeTest::describe).toList();
  }

  private static String describe(CompletedChunk chunk) {
    return String.format(
        "%s worker=%d step=%d steps=%d samples=%d epoch=%d",
        chunk.position(),
        chunk.gpuId(),
        chunk.optimizerStep(),
        chunk.steps(),
        chunk.samples(),
        chunk.epoch());
  }
}
