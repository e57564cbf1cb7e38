package io.hrmtrainer.core.brain;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Holds a brain's lock in a separate JVM for {@link BrainLockTest}: prints {@code LOCKED} once the
 * lock is held, then waits until its standard input closes or it is killed.
 */
public final class LockHoldingMain {

  private LockHoldingMain() {}

  /** Locks the brain directory {@code args[0]} and waits. */
  public static void main(String[] args) throws IOException {
    BrainLock lock = BrainLock.acquire(BrainLayout.of(Path.of(args[0])));
    System.out.println("LOCKED " + lock.holder().pid());
    System.out.flush();
    while (System.in.read() != -1) {
      // Wait for the parent to close our input or kill us.
    }
    lock.close();
  }
}
