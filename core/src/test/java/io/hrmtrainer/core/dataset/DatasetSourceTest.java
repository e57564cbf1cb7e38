package io.hrmtrainer.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetSourceTest {

  @Test
  void storesTheFileAbsoluteAndNormalised() {
    DatasetSource source = DatasetSource.text(Path.of("a/../b.txt"));

    assertThat(source.file()).isEqualTo(Path.of("b.txt").toAbsolutePath());
  }

  @Test
  void guessesFormatFromFileName() {
    assertThat(DatasetSource.fromFileName(Path.of("x.JSONL")))
        .isEqualTo(DatasetSource.jsonl(Path.of("x.JSONL"), "text"));
    assertThat(DatasetSource.fromFileName(Path.of("x.txt")).format()).isEqualTo(DatasetFormat.TEXT);
  }

  @Test
  void jsonExtensionMeansJsonLines() {
    assertThat(DatasetFormat.fromFileName(Path.of("records.Json"))).isEqualTo(DatasetFormat.JSONL);
    assertThat(DatasetFormat.fromFileName(Path.of("json"))).isEqualTo(DatasetFormat.TEXT);
  }

  @Test
  void jsonlNeedsAField() {
    assertThatThrownBy(() -> DatasetSource.jsonl(Path.of("/d.jsonl")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "no text field was given for the JSONL file /d.jsonl: expected at least one field"
                + " name, for example \"text\"");
  }

  @Test
  void textTakesNoFields() {
    assertThatThrownBy(() -> new DatasetSource(Path.of("/d.txt"), DatasetFormat.TEXT, List.of("a")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "text fields [a] were given for the plain text file /d.txt: expected no text fields;"
                + " drop them, or read the file as JSONL");
  }

  @Test
  void rejectsBlankAndRepeatedFields() {
    assertThatThrownBy(() -> DatasetSource.jsonl(Path.of("/d.jsonl"), " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("text field name \" \" for /d.jsonl is blank");
    assertThatThrownBy(() -> DatasetSource.jsonl(Path.of("/d.jsonl"), "q", "q"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("text field \"q\" for /d.jsonl is given twice in [q, q]: expected each field once");
  }

  @Test
  void parsesFormatNames() {
    assertThat(DatasetFormat.fromName(" JSONL ")).isEqualTo(DatasetFormat.JSONL);
    assertThatThrownBy(() -> DatasetFormat.fromName("csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown dataset format \"csv\": expected \"text\" or \"jsonl\"");
  }
}
