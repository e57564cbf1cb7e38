package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The brain's ledger copy, {@code datasets/<key>/chunk_tracker_state.json}, at each commit. */
@ExtendWith(OneIntraOpThread.class)
class LedgerCopyTest {

  @TempDir Path temp;

  @Test
  void unreadableLedgerCopyIsMovedAside() throws Exception {
    // given a trained brain whose ledger copy was truncated
    RunFixture fixture = RunFixture.create(temp, 300);
    fixture.train(fixture.config().optMaxChunks(1).build());
    Path copy = ledgerCopy(fixture);
    byte[] full = Files.readAllBytes(copy);
    byte[] truncated = Arrays.copyOf(full, full.length / 2);
    Files.write(copy, truncated);

    // when a resumed run commits
    Logger logger = (Logger) LoggerFactory.getLogger(CheckpointCommitter.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      fixture.train(fixture.config().optResume(true).optMaxChunks(1).build());
    } finally {
      logger.detachAppender(appender);
    }

    // then the truncated file is kept byte for byte under a corrupt- name next to the new copy
    List<Path> aside = corruptSiblings(copy);
    assertThat(aside).hasSize(1);
    assertThat(aside.get(0)).hasBinaryContent(truncated);
    assertThat(LedgerStore.read(copy).completedChunks()).hasSize(2);

    // and a warning names both paths
    assertThat(appender.list)
        .filteredOn(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .anySatisfy(
            message -> assertThat(message).contains(copy.toString(), aside.get(0).toString()));
  }

  @Test
  void readableLedgerCopyIsReplaced() throws Exception {
    // given a trained brain with an intact ledger copy
    RunFixture fixture = RunFixture.create(temp, 300);
    fixture.train(fixture.config().optMaxChunks(1).build());

    // when a resumed run commits
    fixture.train(fixture.config().optResume(true).optMaxChunks(1).build());

    // then the copy contains the new ledger and nothing was moved aside
    Path copy = ledgerCopy(fixture);
    assertThat(LedgerStore.read(copy).completedChunks()).hasSize(2);
    assertThat(corruptSiblings(copy)).isEmpty();
  }

  private static Path ledgerCopy(RunFixture fixture) throws Exception {
    try (Stream<Path> datasets = Files.list(fixture.brain().datasetsDir())) {
      Path datasetDir = datasets.filter(Files::isDirectory).findFirst().orElseThrow();
      return datasetDir.resolve(LedgerStore.FILE_NAME);
    }
  }

  private static List<Path> corruptSiblings(Path copy) throws Exception {
    try (Stream<Path> files = Files.list(copy.getParent())) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(LedgerStore.FILE_NAME + ".corrupt-"))
          .toList();
    }
  }
}
