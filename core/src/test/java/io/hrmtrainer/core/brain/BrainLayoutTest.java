package io.hrmtrainer.core.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrainLayoutTest {

  private final BrainLayout layout = BrainLayout.of(Path.of("/brains/a/../b"));

  @Test
  void pathsAreUnderNormalisedRoot() {
    assertThat(layout.root()).isEqualTo(Path.of("/brains/b"));
    assertThat(layout.brainJson()).isEqualTo(Path.of("/brains/b/brain.json"));
    assertThat(layout.metricsJsonl()).isEqualTo(Path.of("/brains/b/metrics.jsonl"));
    assertThat(layout.lockFile()).isEqualTo(Path.of("/brains/b/.lock"));
    assertThat(layout.checkpointsDir()).isEqualTo(Path.of("/brains/b/checkpoints"));
    assertThat(layout.checkpointDir(12)).isEqualTo(Path.of("/brains/b/checkpoints/ckpt-000012"));
    assertThat(layout.ledgerFile("corpus-1a2b"))
        .isEqualTo(Path.of("/brains/b/datasets/corpus-1a2b/chunk_tracker_state.json"));
  }

  @Test
  void checkpointNamesUseSixDigits() {
    assertThat(BrainLayout.checkpointName(7)).isEqualTo("ckpt-000007");
    assertThat(BrainLayout.checkpointName(1234567)).isEqualTo("ckpt-1234567");
    assertThat(BrainLayout.parseCheckpointName("ckpt-000007")).isEqualTo(OptionalLong.of(7));
    assertThat(BrainLayout.parseCheckpointName("ckpt-1234567")).isEqualTo(OptionalLong.of(1234567));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ckpt-12", "ckpt-00001x", ".tmp-ckpt-000001-abc", "ckpt-000001.old", "model"})
  void otherNamesAreNotCheckpoints(String name) {
    assertThat(BrainLayout.parseCheckpointName(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "a\\b"})
  void datasetKeyMustBeOneDirectoryName(String key) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> layout.ledgerFile(key));

    assertThat(error.getMessage())
        .isEqualTo(
            "dataset key \"" + key + "\" is not a single directory name; use letters, digits, '-',"
                + " '_' and '.' only");
  }
}
