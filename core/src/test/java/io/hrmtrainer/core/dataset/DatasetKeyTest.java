package io.hrmtrainer.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetKeyTest {

  @Test
  void containsNameSizesAndShortHash() {
    DatasetKey key = DatasetKey.of(Path.of("/data/Tiny Shakespeare.txt"), 10000, 1000);

    assertThat(key.value()).matches("tiny-shakespeare-txt-b10000-c1000-[0-9a-f]{10}");
  }

  @Test
  void dependsOnDirectoryAndSizes() {
    DatasetKey key = DatasetKey.of(Path.of("/a/data.txt"), 100, 10);

    assertThat(DatasetKey.of(Path.of("/b/data.txt"), 100, 10)).isNotEqualTo(key);
    assertThat(DatasetKey.of(Path.of("/a/data.txt"), 100, 20)).isNotEqualTo(key);
    assertThat(DatasetKey.of(Path.of("/a/./x/../data.txt"), 100, 10)).isEqualTo(key);
  }

  @Test
  void isSafeDirectoryNameForAnyFile() {
    DatasetKey key = DatasetKey.of(Path.of("/tmp/..hidden/.. Ünïcødé ☃ name..jsonl"), 5, 5);

    assertThat(key.value()).matches("[a-z0-9][a-z0-9._-]*").doesNotContain("..");
    assertThat(DatasetKey.of(Path.of("/tmp/☃☃"), 5, 5).value()).startsWith("dataset-b5-c5-");
  }

  @Test
  void rejectsNonKeyText() {
    assertThatThrownBy(() -> new DatasetKey("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dataset key \"../escape\" is invalid");
  }
}
