package io.hrmtrainer.gui.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.config.TrainingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainCommandLineTest {

  @Test
  void quotesPathsWithBlanksAndQuotes() {
    TrainingConfig config =
        TrainingConfig.builder()
            .setDatasetFile(Path.of("/data/my text's.txt"))
            .setSaveDir(Path.of("/brains/b1"))
            .build();

    String line = TrainCommandLine.of(config);

    assertThat(line)
        .startsWith("hrm-hf train --dataset-file '/data/my text'\\''s.txt' --dataset-format auto")
        .contains(" --save-dir /brains/b1 ");
  }
}
