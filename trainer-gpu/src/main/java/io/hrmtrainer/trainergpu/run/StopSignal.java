package io.hrmtrainer.trainergpu.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stop request shared by a run's workers and its front end.
 *
 * <p>A graceful stop lets each worker finish its current chunk, then the run commits and exits. An
 * immediate stop abandons the current chunk (it is not recorded as trained), commits what was
 * trained, and exits. A request never weakens: an immediate stop stays immediate. An optional stop
 * file requests a graceful stop when it appears. Thread-safe.
 */
public final class StopSignal {

  /** The urgency of a stop request. */
  public enum Level {
    /** Keep training. */
    NONE,
    /** Finish the current chunk, commit, exit. */
    GRACEFUL,
    /** Abandon the current chunk, commit what was trained, exit. */
    IMMEDIATE
  }

  private final AtomicReference<Level> level = new AtomicReference<>(Level.NONE);
  private final AtomicReference<String> reason = new AtomicReference<>("");
  private final Optional<Path> stopFile;

  /** Creates a signal that only stops when requested. */
  public StopSignal() {
    this(Optional.empty());
  }

  /** Creates a signal that also requests a graceful stop when {@code stopFile} exists. */
  public StopSignal(Optional<Path> stopFile) {
    this.stopFile = stopFile;
  }

  /** Requests a graceful stop, recording {@code why} for the {@code training_stopped} event. */
  public void requestGraceful(String why) {
    raise(Level.GRACEFUL, why);
  }

  /** Requests an immediate stop, recording {@code why} for the {@code training_stopped} event. */
  public void requestImmediate(String why) {
    raise(Level.IMMEDIATE, why);
  }

  /**
   * Escalates one level: the first call requests a graceful stop, a later call an immediate one.
   * This is what Ctrl-C does in the CLI.
   *
   * @return The level after the call.
   */
  public Level escalate(String why) {
    Level next = level.get() == Level.NONE ? Level.GRACEFUL : Level.IMMEDIATE;
    raise(next, why);
    return level.get();
  }

  /** Returns the current level, checking the stop file first. */
  public Level level() {
    if (level.get() == Level.NONE && stopFile.isPresent() && Files.exists(stopFile.get())) {
      raise(Level.GRACEFUL, "stop file " + stopFile.get() + " found");
    }
    return level.get();
  }

  /** Returns whether any stop was requested. */
  public boolean isStopRequested() {
    return level() != Level.NONE;
  }

  /** Returns whether an immediate stop was requested. */
  public boolean isImmediate() {
    return level() == Level.IMMEDIATE;
  }

  /** Returns the reason given with the strongest request so far, or an empty string. */
  public String reason() {
    return reason.get();
  }

  private void raise(Level requested, String why) {
    Level previous;
    do {
      previous = level.get();
      if (previous.compareTo(requested) >= 0) {
        return;
      }
    } while (!level.compareAndSet(previous, requested));
    reason.set(why);
  }
}
