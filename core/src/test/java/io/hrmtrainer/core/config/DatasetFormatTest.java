package io.hrmtrainer.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "data/train.jsonl, JSONL",
    "data/train.JSON, JSONL",
    "data/train.txt, TEXT",
    "data/jsonl, TEXT",
    "'my data/shakespeare', TEXT",
  })
  void autoResolvesByExtension(String file, DatasetFormat expected) {
    assertThat(DatasetFormat.AUTO.resolve(Path.of(file))).isEqualTo(expected);
  }

  @Test
  void explicitFormatIgnoresExtension() {
    assertThat(DatasetFormat.TEXT.resolve(Path.of("lines.jsonl"))).isEqualTo(DatasetFormat.TEXT);
    assertThat(DatasetFormat.JSONL.resolve(Path.of("records.txt"))).isEqualTo(DatasetFormat.JSONL);
  }

  @Test
  void parseAcceptsCliNames() {
    assertThat(DatasetFormat.parse("auto")).isEqualTo(DatasetFormat.AUTO);
    assertThat(DatasetFormat.parse("text")).isEqualTo(DatasetFormat.TEXT);
    assertThat(DatasetFormat.parse("JSONL")).isEqualTo(DatasetFormat.JSONL);
  }

  @Test
  void unknownFormatIsRejected() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> DatasetFormat.parse("csv"));

    assertThat(error)
        .hasMessage(
            "--dataset-format 'csv' is not a known format: expected auto, text or jsonl"
                + " (dataset_format in JSON). Fix: pass --dataset-format auto to choose by file"
                + " extension.");
  }
}
