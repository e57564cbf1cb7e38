package io.hrmtrainer.diagnostics.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrainSnapshotTest {

  @Test
  void listsAddedChangedAndRemovedFiles(@TempDir Path brain) throws IOException {
    Files.writeString(brain.resolve("brain.json"), "{}");
    Files.writeString(brain.resolve("metrics.jsonl"), "");
    BrainSnapshot before = BrainSnapshot.of(brain);
    Files.writeString(brain.resolve("brain.json"), "{\"x\":1}");
    Files.delete(brain.resolve("metrics.jsonl"));
    Files.createDirectories(brain.resolve("checkpoints"));

    BrainSnapshot after = BrainSnapshot.of(brain);

    assertThat(after.changesSince(before))
        .containsExactly("changed brain.json", "added checkpoints/", "removed metrics.jsonl");
  }

  @Test
  void sameContentIsNoChange(@TempDir Path brain) throws IOException {
    Files.writeString(brain.resolve("brain.json"), "{}");
    BrainSnapshot before = BrainSnapshot.of(brain);
    Files.writeString(brain.resolve("brain.json"), "{}");

    assertThat(BrainSnapshot.of(brain).changesSince(before)).isEmpty();
  }

  @Test
  void createdDirectoryIsAChange(@TempDir Path dir) throws IOException {
    Path brain = dir.resolve("brain");
    BrainSnapshot before = BrainSnapshot.of(brain);
    Files.createDirectories(brain);

    assertThat(before.exists()).isFalse();
    assertThat(BrainSnapshot.of(brain).changesSince(before)).containsExactly("created " + brain);
  }
}
