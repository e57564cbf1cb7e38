package io.hrmtrainer.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UiBatcherTest {

  private final List<Runnable> uiQueue = new ArrayList<>();
  private final AtomicInteger drains = new AtomicInteger();
  private final UiBatcher batcher = new UiBatcher(uiQueue::add, drains::incrementAndGet);

  @Test
  void postsBeforeDrainShareOneTask() {
    List<Integer> applied = new ArrayList<>();

    batcher.post(() -> applied.add(1));
    batcher.post(() -> applied.add(2));
    batcher.post(() -> applied.add(3));
    uiQueue.forEach(Runnable::run);

    assertThat(uiQueue).hasSize(1);
    assertThat(applied).containsExactly(1, 2, 3);
    assertThat(drains).hasValue(1);
  }

  @Test
  void postAfterADrainSchedulesAnother() {
    batcher.post(() -> {});
    uiQueue.remove(0).run();

    batcher.post(() -> {});

    assertThat(uiQueue).hasSize(1);
  }

  @Test
  void emptyDrainSkipsAfterDrain() {
    batcher.drain();

    assertThat(drains).hasValue(0);
  }
}
