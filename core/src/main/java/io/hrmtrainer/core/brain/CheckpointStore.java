package io.hrmtrainer.core.brain;

import io.hrmtrainer.core.InvalidInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The committed checkpoints of a brain, in {@code checkpoints/}: writing, listing with validity,
 * choosing one to resume from, and pruning.
 *
 * <p>A checkpoint is valid when its {@code COMMIT.json} reads and every file it lists exists with
 * the recorded size and SHA-256. Invalid checkpoints are listed with a reason, never chosen by
 * {@link #newestValid()} and never deleted by {@link #prune(int)}. Directories whose names start
 * with {@code .tmp-} are unfinished writes and are not checkpoints.
 *
 * <p>Writing and pruning change the brain: hold its {@link BrainLock} while doing so. Listing may
 * run without the lock, for example from a status command.
 *
 * @implNote {@link #list()}, {@link #newestValid()}, {@link #resolve(String)}, {@link
 *     #verify(CheckpointInfo)} and {@link #prune(int)} compute the SHA-256 of every file of every
 *     checkpoint they look at, which reads each file in full. SHA-256 of a 512 MiB file already in
 *     the page cache took 0.7 s (JDK 17, 2-core AMD EPYC VM). A cold disk adds its read time.
 *     Keeping few checkpoints keeps this short.
 */
public final class CheckpointStore {

  /** The prefix of temporary directories: unfinished checkpoint writes and deletions. */
  public static final String TEMPORARY_PREFIX = ".tmp-";

  private final BrainLayout layout;
  private final Clock clock;

  /** Creates a store over the checkpoints of {@code layout}, timestamping with the system clock. */
  public CheckpointStore(BrainLayout layout) {
    this(layout, Clock.systemUTC());
  }

  /** Creates a store over the checkpoints of {@code layout}, timestamping with {@code clock}. */
  public CheckpointStore(BrainLayout layout, Clock clock) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the brain layout. */
  public BrainLayout layout() {
    return layout;
  }

  /**
   * Starts checkpoint number {@link #nextSequence()}.
   *
   * @throws IOException if the temporary directory cannot be created.
   */
  public CheckpointWriter newCheckpoint() throws IOException {
    return newCheckpoint(nextSequence());
  }

  /**
   * Starts checkpoint number {@code sequence} in a temporary directory.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative or a checkpoint directory with
   *     that sequence exists, valid or not. Use {@link #newCheckpoint()} for the next free number.
   * @throws IOException if the temporary directory cannot be created.
   */
  public CheckpointWriter newCheckpoint(long sequence) throws IOException {
    Path target = layout.checkpointDir(sequence);
    if (Files.exists(target)) {
      throw new IllegalArgumentException(
          String.format(
              "checkpoint %s already exists in %s; checkpoints are never overwritten, use the next"
                  + " free sequence %d",
              target.getFileName(), layout.checkpointsDir(), nextSequence()));
    }

    Files.createDirectories(layout.checkpointsDir());
    String prefix = String.format("%s%s-", TEMPORARY_PREFIX, target.getFileName());
    Path temporary = layout.checkpointsDir().resolve(prefix + UUID.randomUUID());
    Files.createDirectory(temporary);
    return new CheckpointWriter(this, sequence, temporary);
  }

  /**
   * Returns the sequence after the highest checkpoint directory, valid or not, or 1 when there is
   * none.
   *
   * @throws IOException if {@code checkpoints/} cannot be listed.
   */
  public long nextSequence() throws IOException {
    return checkpointDirectories().stream().mapToLong(this::sequenceOf).max().orElse(0) + 1;
  }

  /**
   * Returns every checkpoint directory, verified, in ascending sequence order.
   *
   * @throws IOException if {@code checkpoints/} cannot be listed.
   */
  public List<CheckpointInfo> list() throws IOException {
    List<CheckpointInfo> checkpoints = new ArrayList<>();
    for (Path directory : checkpointDirectories()) {
      checkpoints.add(verifyDirectory(directory));
    }
    return List.copyOf(checkpoints);
  }

  /**
   * Returns the newest valid checkpoint, verifying from the newest down and stopping at the first
   * valid one. Returns empty when there is none.
   *
   * @throws IOException if {@code checkpoints/} cannot be listed.
   */
  public Optional<CheckpointInfo> newestValid() throws IOException {
    List<Path> directories = checkpointDirectories();
    for (int i = directories.size() - 1; i >= 0; i--) {
      CheckpointInfo info = verifyDirectory(directories.get(i));
      if (info.isValid()) {
        return Optional.of(info);
      }
    }
    return Optional.empty();
  }

  /** Returns the newest valid checkpoint of {@code checkpoints} (ascending), if any. */
  public static Optional<CheckpointInfo> newestValidIn(List<CheckpointInfo> checkpoints) {
    return checkpoints.stream().filter(CheckpointInfo::isValid).reduce((older, newer) -> newer);
  }

  /**
   * Returns the valid checkpoint named by {@code nameOrPath}, as given to {@code --resume-from}: a
   * name such as {@code ckpt-000012} in this brain, or the path of a checkpoint directory.
   *
   * @throws InvalidInputException if it does not exist or is invalid. The message names it, gives
   *     the reason, and lists the valid checkpoints of this brain.
   * @throws IOException if {@code checkpoints/} cannot be listed.
   */
  public CheckpointInfo resolve(String nameOrPath) throws IOException {
    if (nameOrPath == null || nameOrPath.isBlank()) {
      throw new InvalidInputException(
          String.format(
              "the checkpoint to resume from is empty; give a name such as ckpt-000012 or a"
                  + " directory path. %s",
              validCheckpointsHint()));
    }

    Path directory = locate(nameOrPath);
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException(
          String.format(
              "checkpoint \"%s\" does not exist (looked for directory %s). %s",
              nameOrPath, directory, validCheckpointsHint()));
    }
    CheckpointInfo info = verifyDirectory(directory);
    if (!info.isValid()) {
      throw new InvalidInputException(
          String.format(
              "checkpoint \"%s\" is invalid: %s. %s",
              nameOrPath, info.reason().orElseThrow(), validCheckpointsHint()));
    }
    return info;
  }

  /**
   * Verifies {@code checkpoint} again, from disk, and returns what is there now. A missing or
   * unreadable directory or file makes the result invalid instead of throwing.
   */
  public CheckpointInfo verify(CheckpointInfo checkpoint) {
    return verifyDirectory(checkpoint.directory());
  }

  /**
   * Keeps the newest {@code keep} valid checkpoints and deletes the older valid ones.
   *
   * <p>Invalid checkpoints are never deleted but returned for the caller to report. The
   * newest valid checkpoint is always kept. A deleted directory is first renamed to a {@code .tmp-}
   * name, so a deletion cut short never leaves a half-deleted {@code ckpt-} directory.
   *
   * @throws IllegalArgumentException if {@code keep < 1}.
   * @throws IOException if a directory cannot be renamed or deleted. Earlier deletions stay done.
   */
  public PruneResult prune(int keep) throws IOException {
    return prune(keep, checkpoint -> true);
  }

  /**
   * Keeps the newest {@code keep} valid checkpoints among those {@code inScope} accepts and deletes
   * the older valid ones among them. Checkpoints outside the scope are never deleted.
   *
   * <p>A run prunes with a scope of its own lineage, so a new run never deletes the checkpoints of
   * an earlier, unrelated run. The result's {@code kept} list contains only checkpoints in
   * scope. Its {@code invalid} list contains every invalid checkpoint, which is never deleted, and
   * {@code inScope} is called only for valid ones.
   *
   * @param keep How many valid checkpoints in scope to keep, at least 1.
   * @param inScope Which valid checkpoints this pruning may delete.
   * @throws IllegalArgumentException if {@code keep < 1}.
   * @throws IOException if a directory cannot be renamed or deleted. Earlier deletions stay done.
   */
  public PruneResult prune(int keep, Predicate<CheckpointInfo> inScope) throws IOException {
    Objects.requireNonNull(inScope, "inScope");
    if (keep < 1) {
      throw new IllegalArgumentException(
          String.format(
              "cannot keep %d checkpoints: keep at least 1, so the newest valid one survives",
              keep));
    }

    List<CheckpointInfo> all = list();
    List<CheckpointInfo> valid =
        all.stream().filter(CheckpointInfo::isValid).filter(inScope).collect(Collectors.toList());
    List<CheckpointInfo> invalid =
        all.stream().filter(info -> !info.isValid()).collect(Collectors.toList());
    int deleteCount = Math.max(0, valid.size() - keep);
    List<CheckpointInfo> deleted = valid.subList(0, deleteCount);
    for (CheckpointInfo checkpoint : deleted) {
      deleteCheckpoint(checkpoint.directory());
    }

    return new PruneResult(deleted, valid.subList(deleteCount, valid.size()), invalid);
  }

  /**
   * Returns the leftover temporary directories in {@code checkpoints/}: writes or deletions that a
   * stopped run did not finish.
   *
   * @throws IOException if {@code checkpoints/} cannot be listed.
   */
  public List<Path> temporaryDirectories() throws IOException {
    return entries().filter(path -> path.getFileName().toString().startsWith(TEMPORARY_PREFIX)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Deletes the leftover temporary directories and returns them. Call it only while holding the
   * brain's {@link BrainLock}, or it may delete another run's checkpoint in progress.
   *
   * @throws IOException if one cannot be deleted.
   */
  public List<Path> deleteTemporaryDirectories() throws IOException {
    List<Path> temporary = temporaryDirectories();
    for (Path directory : temporary) {
      deleteRecursively(directory);
    }
    return temporary;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  void moveIntoPlace(Path temporary, Path target) throws IOException {
    // An atomic rename onto an existing empty directory replaces it on Linux, so check first.
    if (Files.exists(target)) {
      throw new IllegalStateException(
          String.format(
              "checkpoint %s appeared while it was being written; another run writes to %s"
                  + " without holding its lock",
              target.getFileName(), layout.root()));
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          String.format("checkpoint %s appeared while it was being written", target), e);
    }
    syncDirectory(layout.checkpointsDir());
  }

  /** Syncs a directory's entries to disk where the platform allows it. */
  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory, and its rename is durable on its own.
      if (Files.isDirectory(directory) && !System.getProperty("os.name").startsWith("Windows")) {
        throw e;
      }
    }
  }

  /** Deletes a directory tree; a missing one is fine. */
  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(directory);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private CheckpointInfo verifyDirectory(Path directory) {
    return CheckpointVerifier.verify(directory, sequenceOf(directory));
  }

  private Path locate(String nameOrPath) {
    if (BrainLayout.parseCheckpointName(nameOrPath).isPresent()) {
      return layout.checkpointsDir().resolve(nameOrPath);
    }
    Path path = Path.of(nameOrPath).toAbsolutePath().normalize();
    if (path.getFileName() == null
        || BrainLayout.parseCheckpointName(path.getFileName().toString()).isEmpty()) {
      throw new InvalidInputException(
          String.format(
              "\"%s\" is not a checkpoint: checkpoint directories are named ckpt- and 6 digits, for"
                  + " example ckpt-000012. %s",
              nameOrPath, validCheckpointsHint()));
    }
    return path;
  }

  private String validCheckpointsHint() {
    List<String> valid;
    try {
      valid = list().stream().filter(CheckpointInfo::isValid).map(CheckpointInfo::name).collect(Collectors.toList());
    } catch (IOException e) {
      return String.format("The checkpoints in %s cannot be listed (%s).", layout.checkpointsDir(), e);
    }
    if (valid.isEmpty()) {
      return String.format(
          "%s has no valid checkpoint; start a new run instead of resuming.",
          layout.checkpointsDir());
    }
    return String.format("Valid checkpoints in %s: %s.", layout.checkpointsDir(), String.join(", ", valid));
  }

  private void deleteCheckpoint(Path directory) throws IOException {
    String doomedName =
        String.format("%sdelete-%s-%s", TEMPORARY_PREFIX, directory.getFileName(), UUID.randomUUID());
    Path doomed = directory.resolveSibling(doomedName);
    Files.move(directory, doomed, StandardCopyOption.ATOMIC_MOVE);
    deleteRecursively(doomed);
  }

  private List<Path> checkpointDirectories() throws IOException {
    try (Stream<Path> entries = entries()) {
      return entries
          .filter(Files::isDirectory)
          .filter(path -> BrainLayout.parseCheckpointName(path.getFileName().toString()).isPresent())
          .sorted(Comparator.comparingLong(this::sequenceOf))
          .collect(Collectors.toList());
    }
  }

  private Stream<Path> entries() throws IOException {
    if (!Files.isDirectory(layout.checkpointsDir())) {
      return Stream.empty();
    }
    try (Stream<Path> listing = Files.list(layout.checkpointsDir())) {
      return listing.collect(Collectors.toList()).stream();
    }
  }

  private long sequenceOf(Path directory) {
    OptionalLong sequence = BrainLayout.parseCheckpointName(directory.getFileName().toString());
    return sequence.orElseThrow(
        () ->
            new InvalidInputException(
                String.format(
                    "%s is not a checkpoint directory: its name must be ckpt- and 6 digits",
                    directory)));
  }

}
