package io.hrmtrainer.core.brain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerArchiveTest {

  private static final Instant NOW = Instant.parse("2026-12-04T19:30:00Z");

  @TempDir Path dir;

  @Test
  void renamesLedgerWithTimestampSuffix() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);
    Files.createDirectories(layout.datasetDir("corpus"));
    Files.writeString(layout.ledgerFile("corpus"), "{\"current_epoch\":3}");

    Optional<Path> archive = LedgerArchive.archive(layout, "corpus", NOW);

    assertThat(archive)
        .contains(layout.datasetDir("corpus").resolve("chunk_tracker_state.json.archived-20261204T193000Z"));
    assertThat(Files.readString(archive.orElseThrow())).isEqualTo("{\"current_epoch\":3}");
    assertThat(layout.hasLedger("corpus")).isFalse();
  }

  @Test
  void sameSecondArchiveGetsSuffix() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);
    Files.createDirectories(layout.datasetDir("corpus"));
    Files.writeString(layout.ledgerFile("corpus"), "first");
    Path first = LedgerArchive.archive(layout, "corpus", NOW).orElseThrow();
    Files.writeString(layout.ledgerFile("corpus"), "second");

    Path second = LedgerArchive.archive(layout, "corpus", NOW).orElseThrow();

    assertThat(second.getFileName().toString())
        .isEqualTo("chunk_tracker_state.json.archived-20261204T193000Z-1");
    assertThat(Files.readString(first)).isEqualTo("first");
    assertThat(Files.readString(second)).isEqualTo("second");
  }

  @Test
  void nothingToArchiveWithoutALedger() throws IOException {
    assertThat(LedgerArchive.archive(BrainLayout.of(dir), "corpus", NOW)).isEmpty();
  }
}
