package io.hrmtrainer.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetManifestTest {

  @TempDir Path dir;

  private DatasetManifest manifest() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("d.txt"), 50);
    return ManifestBuilder.build(DatasetSource.text(file), 20, 6);
  }

  @Test
  void survivesAJsonRoundTrip() throws IOException {
    DatasetManifest manifest = manifest();
    Path file = dir.resolve("m.json");

    manifest.writeTo(file);
    DatasetManifest read = DatasetManifest.readFrom(file);

    assertThat(read).isEqualTo(manifest);
    assertThat(read.hashCode()).isEqualTo(manifest.hashCode());
  }

  @Test
  void writesSnakeCaseKeysAndSchemaVersion() throws IOException {
    String json = manifest().toJson();

    assertThat(json)
        .contains(
            "\"schema_version\" : 1",
            "\"dataset\" : ",
            "\"format\" : \"text\"",
            "\"text_fields\" : [ ]",
            "\"file_size_bytes\" : ",
            "\"last_modified\" : ",
            "\"fingerprint\" : ",
            "\"sample_count\" : 50",
            "\"samples_per_block\" : 20",
            "\"dataset_chunk_size\" : 6",
            "\"total_blocks\" : 3",
            "\"total_chunks\" : 10",
            "\"chunk_offsets\" : [ 0, ");
  }

  @Test
  void rejectsAnUnsupportedSchemaVersion() throws IOException {
    String json = manifest().toJson().replace("\"schema_version\" : 1", "\"schema_version\" : 9");

    assertThatThrownBy(() -> DatasetManifest.fromJson(json, "cache/m.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "cache/m.json is not a valid dataset manifest: schema_version 9 is not supported:"
                + " expected 1; delete it and build the manifest again from the dataset");
  }

  @Test
  void rejectsOffsetsNotMatchingLayout() throws IOException {
    String json = manifest().toJson().replace("\"chunk_offsets\" : [ 0, ", "\"chunk_offsets\" : [ ");

    assertThatThrownBy(() -> DatasetManifest.fromJson(json, "m.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("m.json is not a valid dataset manifest: 9 chunk offsets for ");
  }

  @Test
  void rejectsTruncatedJson() {
    assertThatThrownBy(() -> DatasetManifest.fromJson("{\"schema_version\": 1,", "m.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("m.json is not a valid dataset manifest: invalid JSON (");
  }

  @Test
  void reportsAMissingField() throws IOException {
    String json = manifest().toJson().replace("\"fingerprint\"", "\"fingerprint_old\"");

    assertThatThrownBy(() -> DatasetManifest.fromJson(json, "m.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field \"fingerprint\" is missing");
  }
}
