package io.hrmtrainer.core.brain;

import io.hrmtrainer.core.brain.AtomicFiles.ContentWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one checkpoint: files go into a temporary directory, and {@link #commit()} makes them a
 * checkpoint in one atomic rename.
 *
 * <p>Lifecycle: {@link CheckpointStore#newCheckpoint()} creates the temporary directory {@code
 * checkpoints/.tmp-ckpt-NNNNNN-<random>}. {@code writeFile} adds files, each flushed and synced to
 * disk, with its size and SHA-256 computed while it is written. {@link #commit()} writes {@code
 * COMMIT.json} last, syncs, and renames the directory to {@code checkpoints/ckpt-NNNNNN}. {@link
 * #close()} without a commit deletes the temporary directory. Use it in try-with-resources.
 *
 * <p>Not thread-safe: one thread writes a checkpoint.
 */
public final class CheckpointWriter implements AutoCloseable {

  private final CheckpointStore store;
  private final long sequence;
  private final Path temporaryDirectory;
  private final Map<String, CommitRecord.FileEntry> files = new LinkedHashMap<>();
  private boolean committed;
  private boolean closed;
  private String failedFile;

  CheckpointWriter(CheckpointStore store, long sequence, Path temporaryDirectory) {
    this.store = store;
    this.sequence = sequence;
    this.temporaryDirectory = temporaryDirectory;
  }

  /** Returns the sequence number the checkpoint will have. */
  public long sequence() {
    return sequence;
  }

  /** Returns the name the checkpoint will have, for example {@code ckpt-000012}. */
  public String name() {
    return BrainLayout.checkpointName(sequence);
  }

  /** Returns the temporary directory the files are written into until the commit. */
  public Path temporaryDirectory() {
    return temporaryDirectory;
  }

  /**
   * Writes file {@code name} with {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code name} is not a plain file name, is {@code
   *     COMMIT.json}, or was written already.
   * @throws IllegalStateException if the writer is committed or closed.
   * @throws IOException if the file cannot be written; the checkpoint cannot be committed then.
   */
  public void writeFile(String name, byte[] bytes) throws IOException {
    writeFile(name, out -> out.write(bytes));
  }

  /**
   * Writes file {@code name} with what {@code writer} produces, streaming it to disk.
   *
   * @throws IllegalArgumentException if {@code name} is not a plain file name, is {@code
   *     COMMIT.json}, or was written already.
   * @throws IllegalStateException if the writer is committed or closed.
   * @throws IOException if {@code writer} or the disk fails; the checkpoint cannot be committed.
   */
  public void writeFile(String name, ContentWriter writer) throws IOException {
    checkOpen();
    checkFileName(name);

    Path file = temporaryDirectory.resolve(name);
    MessageDigest digest = sha256();
    long size;
    failedFile = name;
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      DigestingStream out = new DigestingStream(Channels.newOutputStream(channel), digest);
      writer.writeTo(out);
      out.flush();
      channel.force(true);
      size = out.count;
    }
    failedFile = null;

    files.put(name, new CommitRecord.FileEntry(size, HexFormat.of().formatHex(digest.digest())));
  }

  /** Returns the names of the files written so far, in writing order. */
  public java.util.Set<String> fileNames() {
    return java.util.Collections.unmodifiableSet(files.keySet());
  }

  /**
   * Writes {@code COMMIT.json}, syncs, and renames the temporary directory into place atomically.
   *
   * @return The committed checkpoint, valid, with the summary of its {@code trainer_state.json}.
   * @throws IllegalStateException if the writer is committed or closed, if writing a file failed,
   *     or if checkpoint {@link #sequence()} appeared meanwhile (only possible without holding the
   *     {@link BrainLock}).
   * @throws IOException if a write, sync or the rename fails; nothing is committed then.
   */
  public CheckpointInfo commit() throws IOException {
    checkOpen();
    if (failedFile != null) {
      throw new IllegalStateException(
          String.format(
              "checkpoint %s cannot be committed: writing file \"%s\" failed; close this writer"
                  + " and write the checkpoint again",
              name(), failedFile));
    }

    CommitRecord record = CommitRecord.of(sequence, store.now(), files);
    writeSynced(temporaryDirectory.resolve(CommitRecord.FILE_NAME), JsonFiles.toBytes(record));
    CheckpointStore.syncDirectory(temporaryDirectory);
    Path target = store.layout().checkpointDir(sequence);
    store.moveIntoPlace(temporaryDirectory, target);
    committed = true;

    return CheckpointInfo.valid(sequence, target, record, CheckpointVerifier.summaryOf(target, record));
  }

  /**
   * Deletes the temporary directory unless the checkpoint was committed. Closing twice does
   * nothing.
   *
   * @throws IOException if the temporary directory cannot be deleted.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!committed) {
      CheckpointStore.deleteRecursively(temporaryDirectory);
    }
  }

  private void checkOpen() {
    if (committed || closed) {
      throw new IllegalStateException(
          String.format(
              "checkpoint %s is already %s; start another with CheckpointStore.newCheckpoint()",
              name(), committed ? "committed" : "closed"));
    }
  }

  private void checkFileName(String name) {
    if (name == null
        || name.isEmpty()
        || name.startsWith(".")
        || name.contains("/")
        || name.contains("\\")
        || name.equals(CommitRecord.FILE_NAME)) {
      throw new IllegalArgumentException(
          String.format(
              "checkpoint file name \"%s\" is not allowed: use a plain file name that does not"
                  + " start with '.', other than %s",
              name, CommitRecord.FILE_NAME));
    }
    if (files.containsKey(name)) {
      throw new IllegalArgumentException(
          String.format("file \"%s\" was already written to checkpoint %s", name, name()));
    }
  }

  private static void writeSynced(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      out.write(bytes);
      out.flush();
      channel.force(true);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** Counts and digests the bytes on their way to the file; closing it leaves the file open. */
  private static final class DigestingStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long count;

    DigestingStream(OutputStream out, MessageDigest digest) {
      super(out);
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      digest.update(bytes, offset, length);
      count += length;
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
