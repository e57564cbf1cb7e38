package io.hrmtrainer.core.brain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exclusive lock a run holds on a brain directory while it owns it.
 *
 * <p>{@link #acquire(BrainLayout)} takes an operating-system lock on {@code .lock} and writes the
 * holder (pid, host, start time) into it as JSON. A second acquire fails with {@link
 * BrainInUseException}, whether it comes from another process or from this one. The lock ends with
 * {@link #close()} or with the process. A {@code .lock} file left by a killed run carries no
 * operating-system lock, so the next acquire succeeds and overwrites it.
 *
 * <p>The file is kept after {@link #close()}: deleting it would let two runs lock two different
 * files of the same name.
 *
 * @implNote On Linux the lock is a POSIX record lock, which belongs to the process, and closing any
 *     descriptor of the file releases it. Locks held by this JVM are therefore tracked in a
 *     process-wide table and a second acquire in the same JVM is rejected before the file is opened
 *     again. Nothing else in this process may open the lock file.
 */
public final class BrainLock implements AutoCloseable {

  /** Locks this process holds, by real brain path. Access is guarded by the map itself. */
  private static final Map<Path, BrainLock> HELD_IN_THIS_PROCESS = new HashMap<>();

  private final Path key;
  private final BrainLayout layout;
  private final LockHolder holder;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private BrainLock(
      Path key, BrainLayout layout, LockHolder holder, FileChannel channel, FileLock lock) {

    this.key = key;
    this.layout = layout;
    this.holder = holder;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the brain in {@code layout}, creating the brain directory if needed.
   *
   * @throws BrainInUseException if another run, in this process or another one, holds the lock.
   *     Wait for it to finish or stop it.
   * @throws IOException if the lock file cannot be created or written.
   */
  public static BrainLock acquire(BrainLayout layout) throws IOException {
    Files.createDirectories(layout.root());
    Path key = layout.root().toRealPath();

    synchronized (HELD_IN_THIS_PROCESS) {
      BrainLock existing = HELD_IN_THIS_PROCESS.get(key);
      if (existing != null) {
        throw new BrainInUseException(layout.root(), existing.holder);
      }
      BrainLock acquired = lockFile(key, layout, LockHolder.ofCurrentProcess());
      HELD_IN_THIS_PROCESS.put(key, acquired);
      return acquired;
    }
  }

  /**
   * Returns the holder named in the lock file of {@code layout}, if the file exists and names one.
   *
   * @apiNote Only for a brain that this process does not hold: on Linux, reading the file from the
   *     holding process would release its lock.
   */
  public static Optional<LockHolder> readHolder(BrainLayout layout) {
    try {
      return parseHolder(Files.readAllBytes(layout.lockFile()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Returns the holder this lock wrote into the lock file. */
  public LockHolder holder() {
    return holder;
  }

  /** Returns the locked brain. */
  public BrainLayout layout() {
    return layout;
  }

  /**
   * Releases the lock but keeps the lock file. Closing twice does nothing.
   *
   * @throws IOException if the operating system fails to release the lock.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } finally {
      channel.close();
      synchronized (HELD_IN_THIS_PROCESS) {
        HELD_IN_THIS_PROCESS.remove(key, this);
      }
    }
  }

  /** Opens and locks the file; returns null when another process holds it. */
  private static BrainLock lockFile(Path key, BrainLayout layout, LockHolder self)
      throws IOException {

    FileChannel channel =
        FileChannel.open(
            layout.lockFile(),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Other code in this JVM locked the file without BrainLock, so the brain is in use anyway.
      channel.close();
      throw new BrainInUseException(layout.root(), null);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      Optional<LockHolder> other = readHolder(channel);
      channel.close();
      throw new BrainInUseException(layout.root(), other.orElse(null));
    }

    try {
      writeHolder(channel, self);
    } catch (IOException e) {
      lock.release();
      channel.close();
      throw e;
    }
    return new BrainLock(key, layout, self, channel, lock);
  }

  private static void writeHolder(FileChannel channel, LockHolder self) throws IOException {
    byte[] bytes = JsonFiles.toBytes(self);
    channel.truncate(0);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long position = 0;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    channel.force(true);
  }

  private static Optional<LockHolder> readHolder(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 64 * 1024);
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // Keep reading until the buffer is full or the file ends.
    }
    return parseHolder(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
  }

  private static Optional<LockHolder> parseHolder(byte[] bytes) {
    try {
      return Optional.ofNullable(JsonFiles.mapper().readValue(bytes, LockHolder.class));
    } catch (IOException | RuntimeException e) {
      // An empty or foreign lock file only means the holder is unknown.
      return Optional.empty();
    }
  }
}
