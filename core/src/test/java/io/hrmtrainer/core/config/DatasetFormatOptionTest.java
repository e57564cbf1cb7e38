package io.hrmtrainer.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.dataset.DatasetFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetFormatOptionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "data/train.jsonl, JSONL",
    "data/train.JSON, JSONL",
    "data/train.txt, TEXT",
    "data/jsonl, TEXT",
    "'my data/shakespeare', TEXT",
  })
  void autoResolvesByExtension(String file, DatasetFormat expected) {
    assertThat(DatasetFormatOption.AUTO.resolve(Path.of(file))).isEqualTo(expected);
  }

  @Test
  void explicitFormatIgnoresExtension() {
    assertThat(DatasetFormatOption.TEXT.resolve(Path.of("lines.jsonl")))
        .isEqualTo(DatasetFormat.TEXT);
    assertThat(DatasetFormatOption.JSONL.resolve(Path.of("records.txt")))
        .isEqualTo(DatasetFormat.JSONL);
  }

  @Test
  void parseAcceptsCliNames() {
    assertThat(DatasetFormatOption.parse("auto")).isEqualTo(DatasetFormatOption.AUTO);
    assertThat(DatasetFormatOption.parse("text")).isEqualTo(DatasetFormatOption.TEXT);
    assertThat(DatasetFormatOption.parse("JSONL")).isEqualTo(DatasetFormatOption.JSONL);
  }

  @Test
  void unknownFormatIsRejected() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> DatasetFormatOption.parse("csv"));

    assertThat(error)
        .hasMessage(
            "--dataset-format 'csv' is not a known format: expected auto, text or jsonl"
                + " (dataset_format in JSON). Fix: pass --dataset-format auto to choose by file"
                + " extension.");
  }
}
