package io.hrmtrainer.core.brain;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Signals that another run holds a brain's lock, in this process or in another one.
 *
 * <p>The message names the brain and, when the lock file contains them, the holder's process id,
 * host and start time, and tells the user to wait for that run or stop it. Front ends exit with
 * code 4.
 */
public class BrainInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path brain;
  private final transient LockHolder holder;

  /**
   * Creates an exception for {@code brain}.
   *
   * @param brain The brain directory.
   * @param holder The holder read from the lock file, or null when the file does not name one.
   */
  public BrainInUseException(Path brain, LockHolder holder) {
    super(message(brain, holder));
    this.brain = brain;
    this.holder = holder;
  }

  /** Returns the brain directory that is in use. */
  public Path brain() {
    return brain;
  }

  /** Returns the holder, when the lock file names one. */
  public Optional<LockHolder> holder() {
    return Optional.ofNullable(holder);
  }

  private static String message(Path brain, LockHolder holder) {
    String who =
        holder == null
            ? "a run whose process id is unknown (the lock file is empty or unreadable)"
            : String.format(
                "the run with pid %d on host %s, started at %s",
                holder.pid(), holder.host(), holder.startedAt());
    return String.format(
        "brain %s is in use by %s; wait for that run to finish or stop it, then start again",
        brain, who);
  }
}
