package io.hrmtrainer.trainergpu.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  private static final LearningRateSchedule SCHEDULE =
      new LearningRateSchedule(1e-3, 10, 100, 0.1);

  @ParameterizedTest(name = "{0}: step {1} -> {2}")
  @CsvSource({
      "warm-up start,     0,    1.0e-4",
      "warm-up middle,    4,    5.0e-4",
      "end of warm-up,    9,    1.0e-3",
      "decay start,       10,   1.0e-3",
      "mid-decay,         60,   5.5e-4",
      "end of decay,      110,  1.0e-4",
      "flat after decay,  5000, 1.0e-4"
  })
  void followsWarmupThenCosineThenFlat(String phase, long step, double expected) {
    double lr = SCHEDULE.learningRate(step);

    assertThat(lr).as(phase).isCloseTo(expected, within(1e-12));
  }

  @Test
  void withoutWarmupStartsAtThePeak() {
    LearningRateSchedule schedule = new LearningRateSchedule(2e-3, 0, 50, 0.0);

    assertThat(schedule.learningRate(0)).isEqualTo(2e-3);
    assertThat(schedule.learningRate(50)).isEqualTo(0.0);
  }

  @Test
  void constantScheduleNeverChanges() {
    LearningRateSchedule schedule = LearningRateSchedule.constant(3e-4);

    assertThat(schedule.learningRate(0)).isEqualTo(3e-4);
    assertThat(schedule.learningRate(1_000_000)).isEqualTo(3e-4);
  }

  @Test
  void rejectsAMinimumRatioAboveOne() {
    IllegalArgumentException error = assertThrows(
        IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, 0, 10, 1.5));

    assertThat(error).hasMessage("min_lr_ratio is 1.5 but must be in [0, 1]; 0.1 is usual");
  }
}
