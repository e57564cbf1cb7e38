package io.hrmtrainer.core.dataset;

import static io.hrmtrainer.core.dataset.DatasetFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestBuilderTest {

  @TempDir Path dir;

  @Nested
  class PlainText {

    @Test
    void recordsOffsetOfEveryChunk() throws IOException {
      Path file = write(dir.resolve("d.txt"), "a\nbb\n\nccc\ndd\ne\n");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 3, 2);

      assertThat(manifest.sampleCount()).isEqualTo(5);
      assertThat(manifest.totalBlocks()).isEqualTo(2);
      // block 0: [a, bb] [ccc]; block 1: [dd, e]
      assertThat(manifest.chunkOffset(ChunkPosition.of(0, 0))).isZero();
      assertThat(manifest.chunkOffset(ChunkPosition.of(0, 1))).isEqualTo(6);
      assertThat(manifest.chunkOffset(ChunkPosition.of(1, 0))).isEqualTo(10);
    }

    @Test
    void treatsCrLfLikeLf() throws IOException {
      Path file = write(dir.resolve("crlf.txt"), "one\r\ntwo\r\n\r\nthree\r\n");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 2);

      assertThat(manifest.sampleCount()).isEqualTo(3);
      assertThat(manifest.chunkOffset(ChunkPosition.of(0, 1))).isEqualTo(12);
      assertThat(DatasetFiles.allSamplesByChunk(manifest)).containsExactly("one", "two", "three");
    }

    @Test
    void countsALastLineWithoutNewline() throws IOException {
      Path file = write(dir.resolve("tail.txt"), "one\ntwo\nthree");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 1);

      assertThat(manifest.sampleCount()).isEqualTo(3);
      assertThat(DatasetFiles.allSamplesByChunk(manifest)).containsExactly("one", "two", "three");
    }

    @Test
    void skipsWhitespaceOnlyLines() throws IOException {
      Path file =
          write(dir.resolve("ws.txt"), " \t \n\u2003\u3000\nkept\n\f\u000b\r\n  x  \n\u00e9\n");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 10);

      assertThat(DatasetFiles.allSamplesByChunk(manifest)).containsExactly("kept", "  x  ", "é");
    }

    @Test
    void ignoresLeadingByteOrderMark() throws IOException {
      Path file = write(dir.resolve("bom.txt"), "\uFEFFfirst\nsecond\n");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 1);

      assertThat(manifest.chunkOffset(ChunkPosition.ORIGIN)).isEqualTo(3);
      assertThat(DatasetFiles.allSamplesByChunk(manifest)).containsExactly("first", "second");
    }

    @Test
    void handlesLinesLongerThanBuffer() throws IOException {
      String longLine = "x".repeat(3 * 1024 * 1024);
      Path file = write(dir.resolve("long.txt"), "short\n" + longLine + "\nend\n");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 1);

      assertThat(manifest.chunkOffset(ChunkPosition.of(0, 2))).isEqualTo(6 + longLine.length() + 1);
      assertThat(DatasetFiles.allSamplesByChunk(manifest)).containsExactly("short", longLine, "end");
    }

    @Test
    void fingerprintIsSha256OfWholeFile() throws Exception {
      Path file = write(dir.resolve("f.txt"), "alpha\n\nbeta\n");
      String expected =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10, 1);

      assertThat(manifest.fingerprint()).isEqualTo(expected);
      assertThat(manifest.fileSizeBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void reportsProgressUpToFileSize() throws IOException {
      Path file = DatasetFiles.numberedLines(dir.resolve("p.txt"), 1000);
      List<long[]> reports = new ArrayList<>();

      ManifestBuilder.build(
          DatasetSource.text(file), 100, 10, (read, total) -> reports.add(new long[] {read, total}));

      long size = Files.size(file);
      assertThat(reports).isNotEmpty();
      assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(size));
      assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(size);
    }
  }

  @Nested
  class Jsonl {

    @Test
    void readsTextFieldSkippingBlankLines() throws IOException {
      Path file =
          write(dir.resolve("d.jsonl"), "{\"text\":\"a\"}\n\n  \n{\"text\":\"b\",\"id\":2}\n");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.jsonl(file, "text"), 10, 1);

      assertThat(manifest.sampleCount()).isEqualTo(2);
      assertThat(DatasetFiles.allSamplesByChunk(manifest)).containsExactly("a", "b");
    }

    @Test
    void joinsFieldsWithBlankLine() throws IOException {
      Path file =
          write(
              dir.resolve("qa.jsonl"),
              "{\"q\":\"Why?\",\"a\":\"Because.\"}\r\n{\"a\":\"A2\",\"q\":\"Q2\"}");

      DatasetManifest manifest = ManifestBuilder.build(DatasetSource.jsonl(file, "q", "a"), 10, 5);

      assertThat(DatasetFiles.allSamplesByChunk(manifest))
          .containsExactly("Why?\n\nBecause.", "Q2\n\nA2");
    }

    @Test
    void rejectsMalformedLineWithNumber() throws IOException {
      Path file = write(dir.resolve("bad.jsonl"), "{\"text\":\"a\"}\n\n{\"text\": oops}\n");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.jsonl(file, "text"), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file + " line 3: invalid JSON (")
          .hasMessageEndingWith("): expected one JSON object per line; fix or remove that line");
    }

    @Test
    void rejectsTwoObjectsOnOneLine() throws IOException {
      Path file = write(dir.resolve("two.jsonl"), "{\"text\":\"a\"}{\"text\":\"b\"}\n");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.jsonl(file, "text"), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file + " line 1: invalid JSON (");
    }

    @Test
    void rejectsNonObjectLine() throws IOException {
      Path file = write(dir.resolve("array.jsonl"), "[1, 2]\n");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.jsonl(file, "text"), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              file
                  + " line 1: found a JSON array: expected one JSON object per line;"
                  + " fix or remove that line");
    }

    @Test
    void missingFieldNamesExistingFields() throws IOException {
      Path file =
          write(dir.resolve("missing.jsonl"), "{\"text\":\"a\"}\n{\"body\":\"b\",\"id\":7}\n");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.jsonl(file, "text"), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              file
                  + " line 2: field \"text\" is missing: expected the text field [\"text\"] in"
                  + " every record; this record has the fields [\"body\", \"id\"]; name the"
                  + " field(s) that contain the text; fix or remove that line");
    }

    @Test
    void rejectsNonStringTextField() throws IOException {
      Path file = write(dir.resolve("num.jsonl"), "{\"text\":42}\n");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.jsonl(file, "text"), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              file
                  + " line 1: field \"text\" is a JSON number: expected a string; store the text"
                  + " as a JSON string; fix or remove that line");
    }
  }

  @Nested
  class InputErrors {

    @Test
    void emptyFileHasNoSamples() throws IOException {
      Path file = write(dir.resolve("empty.txt"), "");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.text(file), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              file
                  + " has no samples: expected at least one non-blank line;"
                  + " add data to it or point --dataset-file at another file");
    }

    @Test
    void blankLinesFileHasNoSamples() throws IOException {
      Path file = write(dir.resolve("blank.jsonl"), "\n  \n\r\n");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.jsonl(file, "text"), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(file + " has no samples: expected at least one non-blank line");
    }

    @Test
    void missingFileIsNamed() {
      Path file = dir.resolve("nope.txt");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.text(file), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "dataset file "
                  + file
                  + " does not exist: expected a readable text or JSONL file;"
                  + " check the path given to --dataset-file");
    }

    @Test
    void directoryIsNotADataset() {
      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.text(dir), 10, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "dataset file "
                  + dir
                  + " is a directory: expected a text or JSONL file;"
                  + " point --dataset-file at a file inside it");
    }

    @Test
    void chunkSizeBelowOneIsRejected() {
      Path file = dir.resolve("never-read.txt");

      assertThatThrownBy(() -> ManifestBuilder.build(DatasetSource.text(file), 10, 0))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("dataset chunk size 0 is out of range");
    }
  }

  @Test
  void tinyShakespeareHasFourBlocks() throws IOException {
    Path file = Path.of("..", "samples", "tinyshakespeare.txt");

    DatasetManifest manifest = ManifestBuilder.build(DatasetSource.text(file), 10_000, 1_000);

    BlockSummary summary = manifest.blockSummary();
    assertThat(summary.totalBlocks()).isEqualTo(4);
    assertThat(summary.hasShortLastBlock()).isTrue();
    assertThat(summary.lastBlockSamples()).isEqualTo(2777);
    assertThat(manifest.sampleCount()).isEqualTo(32_777);
    assertThat(manifest.totalChunks()).isEqualTo(33);
  }
}
