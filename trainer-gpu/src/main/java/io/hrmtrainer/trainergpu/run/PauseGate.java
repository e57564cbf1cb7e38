package io.hrmtrainer.trainergpu.run;

/**
 * Lets the run pause every worker at its next chunk boundary, for example to average and commit a
 * checkpoint, and notifies the coordinator when all of them have paused or finished.
 *
 * <p>Workers call {@link #pauseIfRequested()} between chunks and {@link #finished()} when they
 * exit. The coordinator calls {@link #requestPause()}, {@link #awaitQuiet()} and {@link
 * #resume()}. Thread-safe.
 */
final class PauseGate {

  private final Object lock = new Object();
  private int activeWorkers;
  private int pausedWorkers;
  private boolean pauseRequested;
  private long generation;

  /** Registers {@code count} more running workers. */
  void register(int count) {
    synchronized (lock) {
      activeWorkers += count;
    }
  }

  /** Asks every worker to pause at its next chunk boundary; wakes the coordinator. */
  void requestPause() {
    synchronized (lock) {
      pauseRequested = true;
      lock.notifyAll();
    }
  }

  /** Wakes the coordinator without pausing workers, for example after a failure or a stop. */
  void wakeCoordinator() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** Blocks a worker while a pause is in effect; returns at once otherwise. */
  void pauseIfRequested() throws InterruptedException {
    synchronized (lock) {
      if (!pauseRequested) {
        return;
      }
      pausedWorkers++;
      lock.notifyAll();
      long pausedIn = generation;
      try {
        while (generation == pausedIn) {
          lock.wait();
        }
      } finally {
        pausedWorkers--;
      }
    }
  }

  /** Records that a worker has exited for good. */
  void finished() {
    synchronized (lock) {
      activeWorkers--;
      lock.notifyAll();
    }
  }

  /**
   * Waits until a requested pause has reached every running worker, or until no worker runs.
   *
   * @return Whether any worker is still running (and therefore paused).
   */
  boolean awaitQuiet() throws InterruptedException {
    synchronized (lock) {
      while (activeWorkers > 0 && !(pauseRequested && pausedWorkers == activeWorkers)) {
        lock.wait();
      }
      return activeWorkers > 0;
    }
  }

  /** Ends the current pause and lets the paused workers continue. */
  void resume() {
    synchronized (lock) {
      pauseRequested = false;
      generation++;
      lock.notifyAll();
    }
  }
}
