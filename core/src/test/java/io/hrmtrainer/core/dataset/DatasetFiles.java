package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers that write small datasets and read their samples the slow, obvious way. */
final class DatasetFiles {

  private DatasetFiles() {}

  /** Writes {@code content} as UTF-8. */
  static Path write(Path file, String content) throws IOException {
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** Writes {@code count} lines "sample-0" ... with a blank line after every third sample. */
  static Path numberedLines(Path file, int count) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("sample-").append(i).append('\n');
      if (i % 3 == 2) {
        text.append(i % 2 == 0 ? "\n" : "  \t\n");
      }
    }
    return write(file, text.toString());
  }

  /** Reads every non-blank line of a text file, the naive way. */
  static List<String> naiveTextSamples(Path file) throws IOException {
    List<String> samples = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        samples.add(line);
      }
    }
    return samples;
  }

  /** Reads every chunk of a manifest in order and concatenates the samples. */
  static List<String> allSamplesByChunk(DatasetManifest manifest) throws IOException {
    List<String> samples = new ArrayList<>();
    try (ChunkReader reader = ChunkReader.open(manifest)) {
      for (int block = 0; block < manifest.totalBlocks(); block++) {
        for (int chunk = 0; chunk < manifest.chunksInBlock(block); chunk++) {
          samples.addAll(reader.readChunk(ChunkPosition.of(block, chunk)));
        }
      }
    }
    return samples;
  }
}
