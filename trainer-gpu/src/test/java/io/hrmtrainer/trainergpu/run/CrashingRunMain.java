package io.hrmtrainer.trainergpu.run;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * A child process for {@link CrashRecoveryTest}: trains the fixture's dataset with a checkpoint
 * after every chunk and a short sleep before every step, so the parent can kill it mid-chunk.
 *
 * <p>Arguments: the test's temporary directory (holding the fixture) and the sleep per step in
 * milliseconds.
 */
public final class CrashingRunMain {

  private CrashingRunMain() {}

  /** Runs the training until it ends or the process is killed. */
  public static void main(String[] args) throws Exception {
    RunFixture fixture = RunFixture.existing(Path.of(args[0]));
    long sleepMillis = Long.parseLong(args[1]);
    ai.djl.engine.Engine.getInstance();
    JniUtils.setNumThreads(1);
    StepHook slow =
        (worker, chunk, step) -> {
          try {
            Thread.sleep(sleepMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    TrainingRun.builder(fixture.resolve(fixture.config().optCheckpointIntervalChunks(1).build()))
        .optStepHook(slow)
        .build()
        .execute();
  }
}
