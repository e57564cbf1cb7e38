package io.hrmtrainer.core.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitRecordTest {

  @TempDir Path dir;

  @Test
  void roundTripSortsFiles() throws IOException {
    Path file = dir.resolve("COMMIT.json");
    CommitRecord record =
        CommitRecord.of(
            12,
            Instant.parse("2026-12-04T19:30:00Z"),
            Map.of(
                "optimizer.bin", new CommitRecord.FileEntry(3, "ab".repeat(32)),
                "model.params", new CommitRecord.FileEntry(5, "cd".repeat(32))));

    record.write(file);

    assertThat(CommitRecord.read(file)).isEqualTo(record);
    String text = Files.readString(file);
    assertThat(text)
        .contains("\"magic\" : \"hrm-trainer-checkpoint\"", "\"format_version\" : 1", "\"created_at\"");
    assertThat(text.indexOf("model.params")).isLessThan(text.indexOf("optimizer.bin"));
  }

  @Test
  void toleratesUnknownFields() throws IOException {
    Path file = dir.resolve("COMMIT.json");
    Files.writeString(
        file,
        "{\"magic\":\"hrm-trainer-checkpoint\",\"format_version\":1,\"sequence\":2,"
            + "\"created_at\":\"2026-12-04T19:30:00Z\",\"files\":{},\"writer\":\"future\"}");

    CommitRecord record = CommitRecord.read(file);

    assertThat(record.sequence()).isEqualTo(2);
    assertThat(record.files()).isEmpty();
  }

  @Test
  void unsupportedVersionIsRejected() throws IOException {
    Path file = dir.resolve("COMMIT.json");
    Files.writeString(file, "{\"magic\":\"hrm-trainer-checkpoint\",\"format_version\":3}");

    UnsupportedFormatException error =
        assertThrows(UnsupportedFormatException.class, () -> CommitRecord.read(file));

    assertThat(error.versionFound()).isEqualTo(3);
    assertThat(error.getMessage())
        .isEqualTo(
            file
                + " has format_version 3, but this version of hrm-trainer reads format_version 1;"
                + " use the hrm-trainer release that wrote it, or a newer one");
  }

  @Test
  void fileWithoutMagicTagIsCorrupt() throws IOException {
    Path file = dir.resolve("COMMIT.json");
    Files.writeString(file, "{\"format_version\":1}");

    CorruptFileException error =
        assertThrows(CorruptFileException.class, () -> CommitRecord.read(file));

    assertThat(error.problem())
        .isEqualTo(
            "it is not a checkpoint commit record: \"magic\" is missing, expected"
                + " \"hrm-trainer-checkpoint\"");
  }

  @Test
  void missingRequiredFieldIsCorrupt() throws IOException {
    Path file = dir.resolve("COMMIT.json");
    Files.writeString(
        file,
        "{\"magic\":\"hrm-trainer-checkpoint\",\"format_version\":1,\"sequence\":1,\"files\":{}}");

    CorruptFileException error =
        assertThrows(CorruptFileException.class, () -> CommitRecord.read(file));

    assertThat(error.problem()).isEqualTo("the required field \"created_at\" is missing");
  }
}
