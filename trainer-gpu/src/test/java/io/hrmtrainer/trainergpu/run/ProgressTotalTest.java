package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The chunk total that step progress reports covers every epoch the run plans. */
@ExtendWith(OneIntraOpThread.class)
class ProgressTotalTest {

  @TempDir Path temp;

  @Test
  void progressTotalCountsEveryEpoch() throws Exception {
    // given a one-block dataset of 6 chunks and a start at (0, 2): 4 chunks an epoch
    RunFixture fixture = RunFixture.create(temp, 300);
    TrainingConfig config = fixture.config().optStartChunkId(2).optEpochs(2).build();

    // when it trains 2 epochs
    List<StepProgress> steps = new ArrayList<>();
    RunOutcome outcome = train(fixture, config, steps);

    // then progress plans 8 chunks from the first step on, and never trains past them
    assertThat(outcome.chunksTrained()).isEqualTo(8);
    assertThat(steps).allSatisfy(step -> assertThat(step.chunksToTrain()).isEqualTo(8));
    assertThat(steps.get(steps.size() - 1).chunksTrained()).isEqualTo(7);
  }

  @Test
  void progressTotalCappedByMaxChunks() throws Exception {
    // given the same dataset with 3 epochs but at most 6 chunks
    RunFixture fixture = RunFixture.create(temp, 300);
    TrainingConfig config =
        fixture.config().optStartChunkId(2).optEpochs(3).optMaxChunks(6).build();

    // when it trains
    List<StepProgress> steps = new ArrayList<>();
    RunOutcome outcome = train(fixture, config, steps);

    // then progress plans the 6 chunks the limit allows
    assertThat(outcome.chunksTrained()).isEqualTo(6);
    assertThat(steps).allSatisfy(step -> assertThat(step.chunksToTrain()).isEqualTo(6));
  }

  private static RunOutcome train(
      RunFixture fixture, TrainingConfig config, List<StepProgress> steps) throws Exception {
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onStep(StepProgress progress) {
            steps.add(progress);
          }
        };
    return TrainingRun.builder(fixture.resolve(config)).optListener(listener).build().execute();
  }
}
