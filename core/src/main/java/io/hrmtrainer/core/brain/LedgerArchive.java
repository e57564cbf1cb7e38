package io.hrmtrainer.core.brain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Archives a dataset's ledger when a new run starts: the file is renamed with a timestamp suffix,
 * never deleted.
 *
 * <p>{@code datasets/<key>/chunk_tracker_state.json} becomes {@code
 * chunk_tracker_state.json.archived-20261204T193000Z} in the same directory. When that name is
 * taken (two archives in one second), {@code -1}, {@code -2}, … is appended.
 */
public final class LedgerArchive {

  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private LedgerArchive() {}

  /**
   * Renames the ledger of {@code datasetKey} to its archive name and returns the archive path; empty
   * when there is no ledger.
   *
   * @param layout The brain.
   * @param datasetKey The dataset key, a single directory name.
   * @param now The time to put in the suffix.
   * @throws IOException if the rename fails; the ledger then stays where it was.
   */
  public static Optional<Path> archive(BrainLayout layout, String datasetKey, Instant now)
      throws IOException {

    Path ledger = layout.ledgerFile(datasetKey);
    if (!Files.exists(ledger)) {
      return Optional.empty();
    }

    Path archive = freeArchivePath(ledger, now);
    Files.move(ledger, archive, StandardCopyOption.ATOMIC_MOVE);
    CheckpointStore.syncDirectory(ledger.getParent());
    return Optional.of(archive);
  }

  /** Returns the archive name of {@code ledger} for {@code now}, before any collision suffix. */
  public static String archiveName(Path ledger, Instant now) {
    return String.format("%s.archived-%s", ledger.getFileName(), SUFFIX.format(now));
  }

  private static Path freeArchivePath(Path ledger, Instant now) {
    String base = archiveName(ledger, now);
    Path candidate = ledger.resolveSibling(base);
    for (int n = 1; Files.exists(candidate); n++) {
      candidate = ledger.resolveSibling(base + "-" + n);
    }
    return candidate;
  }
}
