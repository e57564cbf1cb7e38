package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.trainergpu.run.StepProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final StringWriter written = new StringWriter();

  /** A clock that starts where Linux's monotonic clock usually is: positive, some hours in. */
  private final AtomicLong nanos = new AtomicLong(Duration.ofHours(5).toNanos());

  private ProgressBar bar(boolean interactive) {
    return new ProgressBar(new PrintWriter(written), interactive, nanos::get);
  }

  private static StepProgress progress(
      int step, int steps, long chunksTrained, long chunksToTrain) {
    return new StepProgress(
        0, ChunkPosition.of(1, 2), step, steps, 40, 2.5, 123.4, chunksTrained, chunksToTrain);
  }

  private long secondsLater(long seconds) {
    return nanos.get() + Duration.ofSeconds(seconds).toNanos();
  }

  @Test
  void rendersEveryField() {
    ProgressBar bar = bar(true);

    String line = bar.render(progress(5, 10, 1, 4), secondsLater(30));

    // 1.5 of 4 chunks in 30 s leaves 2.5 chunks, 50 s.
    assertThat(line)
        .isEqualTo(
            "[#########---------------]  38% chunk (1, 2) 2/4 | step 5/10 | loss 2.5000"
                + " | 123 samples/s | ETA 00:00:50");
  }

  @Test
  void etaCountsHours() {
    ProgressBar bar = bar(true);

    String line = bar.render(progress(10, 10, 0, 4), secondsLater(3600));

    assertThat(line).startsWith("[######------------------]  25% ").endsWith("ETA 03:00:00");
  }

  @Test
  void etaIsUnknownBeforeFirstStep() {
    ProgressBar bar = bar(true);

    String line = bar.render(progress(0, 10, 0, 4), secondsLater(5));

    assertThat(line).startsWith("[------------------------]   0% ").endsWith("ETA --:--:--");
  }

  @Test
  void etaIsZeroWhenAllChunksDone() {
    ProgressBar bar = bar(true);

    String line = bar.render(progress(10, 10, 3, 4), secondsLater(60));

    assertThat(line)
        .startsWith("[########################] 100% chunk (1, 2) 4/4 ")
        .endsWith("ETA 00:00:00");
  }

  @Test
  void firstStepDrawnOnTerminal() {
    ProgressBar bar = bar(true);

    bar.onStep(progress(1, 10, 0, 4));

    assertThat(written.toString()).startsWith("\r[").contains("step 1/10");
  }

  @Test
  void firstStepDrawnWithNegativeClock() {
    nanos.set(-Duration.ofHours(5).toNanos());
    ProgressBar bar = bar(true);

    bar.onStep(progress(1, 10, 0, 4));

    assertThat(written.toString()).startsWith("\r[").contains("step 1/10");
  }

  @Test
  void redrawsAtMostEveryQuarterSecond() {
    ProgressBar bar = bar(true);
    bar.onStep(progress(1, 10, 0, 4));

    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    bar.onStep(progress(2, 10, 0, 4));
    nanos.addAndGet(Duration.ofMillis(200).toNanos());
    bar.onStep(progress(3, 10, 0, 4));

    assertThat(written.toString())
        .contains("step 1/10")
        .doesNotContain("step 2/10")
        .contains("step 3/10");
  }

  @Test
  void printsChunkLinesWithoutTerminal() {
    ProgressBar bar = bar(false);
    bar.onStep(progress(10, 10, 1, 4));

    bar.onChunkTrained(0, ChunkPosition.of(1, 3), 2.25);
    bar.onChunkSkipped(ChunkPosition.of(1, 4));
    bar.onCheckpointCommitted("ckpt-000003", 40);

    assertThat(written.toString())
        .isEqualTo(
            String.format(
                "trained chunk (1, 3) on worker 0: mean loss 2.2500 (2/4 chunks)%n"
                    + "skipped chunk (1, 4): already trained (use --force-train to retrain)%n"
                    + "committed checkpoint ckpt-000003 at optimizer step 40%n"));
  }

  @Test
  void chunkLineStartsBelowBar() {
    ProgressBar bar = bar(true);
    bar.onStep(progress(10, 10, 0, 4));

    bar.onChunkTrained(0, ChunkPosition.of(1, 2), 2.5);

    assertThat(written.toString())
        .contains(
            String.format(
                "   %ntrained chunk (1, 2) on worker 0: mean loss 2.5000 (1/4 chunks)%n"));
  }
}
