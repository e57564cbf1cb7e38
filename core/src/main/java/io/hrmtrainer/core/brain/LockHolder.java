package io.hrmtrainer.core.brain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The holder of a brain's lock: the process id, the host and the time the run took the lock, as
 * written into the {@code .lock} file.
 *
 * @param pid The holder's process id.
 * @param host The holder's host name.
 * @param startedAt When the holder took the lock.
 */
public record LockHolder(long pid, String host, Instant startedAt) {

  /** Checks that the host and the start time are present. */
  public LockHolder {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** Returns the holder that describes this process, started now. */
  public static LockHolder ofCurrentProcess() {
    return new LockHolder(
        ProcessHandle.current().pid(), hostName(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      // The host name only helps a user find the holder; an unresolvable name is not an error.
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment == null ? "unknown-host" : fromEnvironment;
    }
  }
}
