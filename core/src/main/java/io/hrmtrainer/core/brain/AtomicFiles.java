package io.hrmtrainer.core.brain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either the old content or the new content, never a mix.
 *
 * <p>Content goes to a temporary file in the target's directory, is flushed to disk, and is then
 * moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}. If anything fails, the target
 * is left as it was and the temporary file is removed.
 */
public final class AtomicFiles {

  /** Writes the content of a file to an output stream. */
  @FunctionalInterface
  public interface ContentWriter {

    /** Writes the content to {@code out}; the stream is closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code bytes} atomically.
   *
   * @throws IOException if the directory is not writable or the disk is full; the target keeps its
   *     old content in that case.
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Replaces {@code target} with what {@code writer} produces, atomically.
   *
   * @throws IOException if writing, flushing or the move fails; the target keeps its old content.
   */
  public static void write(Path target, ContentWriter writer) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        writer.writeTo(out);
        out.flush();
        channel.force(true);
      }
      moveAtomically(temporary, target);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /**
   * Moves {@code source} to {@code target} atomically, replacing an existing target.
   *
   * @throws IOException if the file system cannot move atomically (for example across file
   *     systems); keep both paths in one directory to avoid that.
   */
  public static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          String.format(
              "cannot replace %s atomically: the file system does not support atomic moves from %s;"
                  + " put the brain directory on a local file system",
              target, source),
          e);
    }
  }
}
