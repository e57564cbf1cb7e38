package io.hrmtrainer.core.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrainLockTest {

  @TempDir Path dir;

  @Test
  void acquireWritesProcessToLockFile() throws IOException {
    BrainLayout layout = BrainLayout.of(dir.resolve("brain"));

    try (BrainLock lock = BrainLock.acquire(layout)) {

      assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(Files.readString(layout.lockFile()))
          .contains("\"pid\" : " + ProcessHandle.current().pid());
    }
  }

  @Test
  void secondAcquireInProcessFails() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);

    try (BrainLock first = BrainLock.acquire(layout)) {
      BrainInUseException error =
          assertThrows(BrainInUseException.class, () -> BrainLock.acquire(layout));

      LockHolder holder = first.holder();
      assertThat(error.holder()).contains(holder);
      assertThat(error.getMessage())
          .isEqualTo(
              String.format(
                  "brain %s is in use by the run with pid %d on host %s, started at %s; wait for"
                      + " that run to finish or stop it, then start again",
                  layout.root(), holder.pid(), holder.host(), holder.startedAt()));
    }
  }

  @Test
  void lockIsReusableAfterClose() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);
    BrainLock.acquire(layout).close();

    try (BrainLock again = BrainLock.acquire(layout)) {

      assertThat(again.layout()).isEqualTo(layout);
    }
    assertThat(layout.lockFile()).exists();
  }

  @Test
  void staleLockFileIsTakenOver() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);
    JsonFiles.writeAtomically(
        layout.lockFile(), new LockHolder(999_999, "gone-host", Instant.parse("2020-01-01T00:00:00Z")));

    try (BrainLock lock = BrainLock.acquire(layout)) {

      assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(Files.readString(layout.lockFile())).doesNotContain("gone-host");
    }
  }

  @Test
  void otherProcessBlocksUntilKilled() throws Exception {
    BrainLayout layout = BrainLayout.of(dir);
    Process child = startLockHolder(layout);
    try {
      long childPid = awaitLocked(child);

      BrainInUseException error =
          assertThrows(BrainInUseException.class, () -> BrainLock.acquire(layout));
      assertThat(error.holder().map(LockHolder::pid)).contains(childPid);
      assertThat(error.getMessage())
          .startsWith(String.format("brain %s is in use by the run with pid %d on host ", layout.root(), childPid))
          .endsWith("; wait for that run to finish or stop it, then start again");

      child.destroyForcibly();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      try (BrainLock lock = BrainLock.acquire(layout)) {
        assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static Process startLockHolder(BrainLayout layout) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            LockHoldingMain.class.getName(),
            layout.root().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static long awaitLocked(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("first line of the lock-holding child").startsWith("LOCKED ");
    return Long.parseLong(line.substring("LOCKED ".length()));
  }
}
