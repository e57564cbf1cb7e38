package io.hrmtrainer.core.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFilesTest {

  record Sample(String runId, long globalStep, Instant createdAt) {}

  @TempDir Path dir;

  @Test
  void roundTripUsesSnakeCase() throws IOException {
    Path file = dir.resolve("sample.json");
    Sample sample = new Sample("run-1", 42, Instant.parse("2026-12-04T19:30:00Z"));

    JsonFiles.writeAtomically(file, sample);

    String text = Files.readString(file);
    assertThat(text).contains("\"run_id\" : \"run-1\"", "\"global_step\" : 42", "\"created_at\" : \"2026-12-04T19:30:00Z\"");
    assertThat(JsonFiles.read(file, Sample.class)).isEqualTo(sample);
  }

  @Test
  void ignoresUnknownProperties() throws IOException {
    Path file = dir.resolve("sample.json");
    Files.writeString(
        file,
        "{\"run_id\":\"r\",\"global_step\":1,\"created_at\":\"2026-01-01T00:00:00+01:00\",\"added_later\":true}");

    Sample sample = JsonFiles.read(file, Sample.class);

    assertThat(sample).isEqualTo(new Sample("r", 1, Instant.parse("2025-12-31T23:00:00Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"run_id\":\"r\",\"global_st", "{\"run_id\":\"r\"} trailing", "not json", ""})
  void corruptFileIsNamedAndUnchanged(String content) throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, content);
    byte[] before = Files.readAllBytes(file);

    CorruptFileException error =
        assertThrows(CorruptFileException.class, () -> JsonFiles.read(file, Sample.class));

    assertThat(error.file()).isEqualTo(file);
    assertThat(error.getMessage())
        .startsWith("cannot read " + file + ": ")
        .endsWith(
            "The file was left unchanged; restore it from a backup or move it aside (for example"
                + " to state.json.corrupt), then run again");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void truncatedFileIsDescribedAsCutOff() throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"run_id\":\"r\",\"global_step\":");

    CorruptFileException error =
        assertThrows(CorruptFileException.class, () -> JsonFiles.readTree(file));

    assertThat(error.problem())
        .isEqualTo("the file ends in the middle of a JSON value (it was probably cut by a crash)");
  }

  @Test
  void missingFileIsIoErrorNotCorruption() {
    Path file = dir.resolve("absent.json");

    assertThrows(NoSuchFileException.class, () -> JsonFiles.read(file, Sample.class));
  }

  @Test
  void atomicWriteLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("a.json");

    JsonFiles.writeAtomically(file, new Sample("r", 1, Instant.EPOCH));
    JsonFiles.writeAtomically(file, new Sample("r", 2, Instant.EPOCH));

    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries).containsExactly(file);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"global_step\" : 2");
  }
}
