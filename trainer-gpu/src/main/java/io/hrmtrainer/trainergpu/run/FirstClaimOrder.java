package io.hrmtrainer.trainergpu.run;

/**
 * Makes the workers' first claims happen in worker id order, so worker {@code k} claims the
 * {@code k}-th claimable chunk, as planned in the {@code training_start_position_selected} event.
 * Later claims are not ordered among themselves, but wait until every first claim is made.
 *
 * <p>Worker {@code k} waits in {@link #awaitTurn} until every worker below {@code k} has made its
 * first claim or exited, and in {@link #awaitEveryFirstClaim} before each later claim. A worker
 * calls {@link #passed} once it has claimed, and again when it exits (repeats do nothing), so no
 * worker waits for one that stopped early. A worker before its first claim waits only for lower
 * ids, which do not block on the pause gate before their first claim, so the order cannot
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

  /**
   * Blocks a worker before a later claim until every worker has made its first claim or exited, so
   * a fast worker cannot take the chunk planned as another worker's first.
   */
  void awaitEveryFirstClaim() throws InterruptedException {
    awaitTurn(passed.length);
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
