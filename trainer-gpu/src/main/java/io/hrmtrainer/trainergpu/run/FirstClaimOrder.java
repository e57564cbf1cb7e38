package io.hrmtrainer.trainergpu.run;

/**
 * Makes the workers' first claims happen in worker id order, so worker {@code k} claims the
 * {@code k}-th claimable chunk, as planned in the {@code training_start_position_selected} event.
 * Later claims are not ordered.
 *
 * <p>Worker {@code k} waits in {@link #awaitTurn} until every worker below {@code k} has made its
 * first claim or exited. A worker must call {@link #passed} once it has claimed, and again (the
 * call is idempotent) when it exits, so no worker waits for one that stopped early. A waiting
 * worker depends only on workers that never block before their first claim, so the order cannot
 * deadlock. Thread-safe.
 */
final class FirstClaimOrder {

  private final Object lock = new Object();
  private final boolean[] passed;
  private int nextTurn;

  /** Creates the order for {@code workers} workers, numbered from 0. */
  FirstClaimOrder(int workers) {
    this.passed = new boolean[workers];
  }

  /** Blocks worker {@code workerId} until every worker below it has claimed or exited. */
  void awaitTurn(int workerId) throws InterruptedException {
    synchronized (lock) {
      while (nextTurn < workerId) {
        lock.wait();
      }
    }
  }

  /** Records that worker {@code workerId} made its first claim or exited; repeats do nothing. */
  void passed(int workerId) {
    synchronized (lock) {
      if (workerId < 0 || workerId >= passed.length || passed[workerId]) {
        return;
      }
      passed[workerId] = true;
      while (nextTurn < passed.length && passed[nextTurn]) {
        nextTurn++;
      }
      lock.notifyAll();
    }
  }
}
