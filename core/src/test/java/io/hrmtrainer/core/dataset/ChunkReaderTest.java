package io.hrmtrainer.core.dataset;

import static io.hrmtrainer.core.dataset.DatasetFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkReaderTest {

  @TempDir Path dir;

  @Test
  void lastChunkSeekDecodesNothingBefore() throws IOException {
    // 1000 samples in blocks of 300 and chunks of 70: the last chunk, (3, 1), contains 30 samples.
    Path file = DatasetFiles.numberedLines(dir.resolve("many.txt"), 1000);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 300, 70);
    ChunkPosition last = ChunkPosition.of(3, 1);
    List<String> naive = DatasetFiles.naiveTextSamples(file);

    List<String> chunk;
    long decoded;
    try (ChunkReader reader = ChunkReader.open(manifest)) {
      chunk = reader.readChunk(last);
      decoded = reader.decodedSamples();
    }

    assertThat(manifest.samplesInChunk(last)).isEqualTo(30);
    assertThat(decoded).isEqualTo(30);
    assertThat(chunk).isEqualTo(naive.subList(970, 1000));
  }

  @Test
  void allChunksEqualNaiveRead() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("all.txt"), 257);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 50, 7);

    List<String> byChunk = DatasetFiles.allSamplesByChunk(manifest);

    assertThat(byChunk).isEqualTo(DatasetFiles.naiveTextSamples(file));
  }

  @Test
  void readsChunksInAnyOrder() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("any.txt"), 100);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 40, 15);

    try (ChunkReader reader = ChunkReader.open(manifest)) {
      List<String> later = reader.readChunk(ChunkPosition.of(2, 1));
      List<String> earlier = reader.readChunk(ChunkPosition.of(0, 2));

      assertThat(later).containsExactly("sample-95", "sample-96", "sample-97", "sample-98",
          "sample-99");
      assertThat(earlier).hasSize(10).startsWith("sample-30").endsWith("sample-39");
      assertThat(reader.decodedSamples()).isEqualTo(15);
    }
  }

  @Test
  void readSampleDecodesOnlyThatSample() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("one.txt"), 500);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 100, 30);

    try (ChunkReader reader = ChunkReader.open(manifest)) {
      String sample = reader.readSample(457);

      assertThat(sample).isEqualTo("sample-457");
      assertThat(reader.decodedSamples()).isEqualTo(1);
    }
  }

  @Test
  void readSampleJoinsJsonlTextFields() throws IOException {
    Path file =
        write(dir.resolve("qa.jsonl"), "{\"q\":\"1\",\"a\":\"one\"}\n\n{\"q\":\"2\",\"a\":\"two\"}\n");
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.jsonl(file, "q", "a"), 10, 10);

    try (ChunkReader reader = ChunkReader.open(manifest)) {
      assertThat(reader.readSample(1)).isEqualTo("2\n\ntwo");
    }
  }

  @Test
  void positionOutsideDatasetIsRejected() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("small.txt"), 10);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 5, 5);

    try (ChunkReader reader = ChunkReader.open(manifest)) {
      assertThatThrownBy(() -> reader.readChunk(ChunkPosition.of(2, 0)))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("block 2 is out of range: the dataset has 2 blocks (0-1)");
    }
  }

  @Test
  void changedFileIsReportedAsStale() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("edit.txt"), 20);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 5);

    try (ChunkReader reader = ChunkReader.open(manifest)) {
      Files.writeString(file, "inserted\n", StandardOpenOption.APPEND);

      assertThatThrownBy(() -> reader.readChunk(ChunkPosition.ORIGIN))
          .isInstanceOf(StaleManifestException.class)
          .hasMessageStartingWith(
              "the manifest of " + file + " is stale: the file changed after the manifest was built")
          .hasMessageContaining("restart so that the manifest is rebuilt");
    }
  }

  @Test
  void sameSizeRewriteIsCaughtAsStale() throws IOException {
    Path file = write(dir.resolve("same.txt"), "aa\nbb\ncc\ndd\n");
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 2);
    FileTime time = Files.getLastModifiedTime(file);
    write(file, "aa\n\n\n\n\n\n\ndd\n"); // same 12 bytes, samples moved
    Files.setLastModifiedTime(file, time);

    try (ChunkReader reader = ChunkReader.open(manifest)) {
      assertThatThrownBy(() -> reader.readChunk(ChunkPosition.ORIGIN))
          .isInstanceOf(StaleManifestException.class)
          .hasMessageContaining("found 1 samples in chunk (0, 0), expected 2");
    }
  }

  @Test
  void deletedFileIsReportedAsStale() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("gone.txt"), 5);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 5);
    Files.delete(file);

    assertThatThrownBy(() -> ChunkReader.open(manifest))
        .isInstanceOf(StaleManifestException.class)
        .hasMessageStartingWith("the manifest of " + file + " is stale: the file can no longer be read");
  }

  @Test
  void touchedFileIsStale() throws IOException {
    Path file = DatasetFiles.numberedLines(dir.resolve("touch.txt"), 5);
    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 5);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

    assertThat(manifest.isCurrent()).isFalse();
    assertThatThrownBy(() -> ChunkReader.open(manifest))
        .isInstanceOf(StaleManifestException.class);
  }
}
