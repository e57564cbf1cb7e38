package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.brain.BrainInUseException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A second run on a brain that another run has locked fails at once. */
@ExtendWith(OneIntraOpThread.class)
class BrainLockTest {

  @TempDir Path temp;

  @Test
  void secondRunOnLockedBrainFails() throws Exception {
    // given a run that has locked the brain, paused inside its first step
    RunFixture fixture = RunFixture.create(temp, 100);
    CountDownLatch training = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StepHook hold =
        (worker, chunk, step) -> {
          training.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    TrainingRun first =
        TrainingRun.builder(fixture.resolve(fixture.config().optMaxChunks(1).build()))
            .optStepHook(hold)
            .build();
    CompletableFuture<RunOutcome> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return first.execute();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(training.await(60, TimeUnit.SECONDS)).isTrue();

    // when a second run starts on the same brain
    TrainingRun second =
        TrainingRun.builder(fixture.resolve(fixture.config().optResume(true).build())).build();

    // then it fails with BrainInUseException, and the first run finishes normally
    try {
      assertThatThrownBy(second::execute)
          .isInstanceOf(BrainInUseException.class)
          .hasMessageContaining(fixture.saveDir.getFileName().toString());
    } finally {
      release.countDown();
    }
    assertThat(running.get(60, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.COMPLETED);
  }
}
