package io.hrmtrainer.gui.run;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries updates from worker threads to the UI thread in batches.
 *
 * <p>Workers {@link #post(Runnable)} updates from any thread. The first post after a drain
 * schedules one drain on the UI executor, and later posts join that batch. So however fast the
 * workers report, the UI thread runs at most one pending drain, and each drain applies every update
 * that arrived before it, in order, followed by {@code afterDrain}. Thread-safe.
 */
final class UiBatcher {

  private final Executor ui;
  private final Runnable afterDrain;
  private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  UiBatcher(Executor ui, Runnable afterDrain) {
    this.ui = Objects.requireNonNull(ui, "ui");
    this.afterDrain = Objects.requireNonNull(afterDrain, "afterDrain");
  }

  /** Queues {@code update} for the UI thread. */
  void post(Runnable update) {
    pending.add(update);
    if (scheduled.compareAndSet(false, true)) {
      ui.execute(this::drain);
    }
  }

  /** Applies every queued update now; call it on the UI thread. */
  void drain() {
    scheduled.set(false);
    Runnable update;
    boolean any = false;
    while ((update = pending.poll()) != null) {
      update.run();
      any = true;
    }
    if (any) {
      afterDrain.run();
    }
  }
}
