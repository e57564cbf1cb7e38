package io.hrmtrainer.core.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hrmtrainer.core.brain.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends events to a JSONL file ({@code metrics.jsonl} or {@code --log-file}), one JSON object per
 * line: {@code event}, {@code ts} (ISO-8601 UTC), {@code run_id}, then the event's fields.
 *
 * <p>The file is opened for appending and never truncated, so runs add to the same file. Each line
 * is handed to the operating system in one write as soon as it is emitted, and nothing is buffered
 * in the JVM. Lines are not synced to disk one by one: after a power loss the last lines may be
 * missing, which {@link TelemetryReader} tolerates.
 *
 * <p>Thread-safe: emits from many threads never interleave within a line. Several sinks, even in
 * several processes, may append to one file on a local file system, because each line is written
 * with one append.
 *
 * <p>When the file ends in a line cut by a crash, opening it first adds the missing line break so
 * the cut line does not swallow the next event.
 */
public final class JsonlTelemetrySink implements TelemetrySink {

  private final Path file;
  private final FileChannel channel;
  private boolean closed;

  private JsonlTelemetrySink(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens {@code file} for appending, creating it and its parent directories as needed.
   *
   * @throws IOException if the file cannot be created or opened for writing.
   */
  public static JsonlTelemetrySink open(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    FileChannel channel;
    boolean endsInCutLine;
    try {
      Files.createDirectories(absolute.getParent());
      endsInCutLine = endsWithoutLineBreak(absolute);
      channel =
          FileChannel.open(
              absolute,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IOException(
          String.format(
              "cannot open the telemetry file %s for appending: %s; check --log-file and the"
                  + " permissions of its directory",
              absolute, e),
          e);
    }
    JsonlTelemetrySink sink = new JsonlTelemetrySink(absolute, channel);
    if (endsInCutLine) {
      sink.append(new byte[] {'\n'});
    }
    return sink;
  }

  /** Returns the file this sink appends to. */
  public Path file() {
    return file;
  }

  /**
   * Appends {@code event} as one line.
   *
   * @throws IllegalArgumentException if a field value cannot be written as JSON.
   * @throws UncheckedIOException if the file cannot be written, for example when the disk is full.
   * @throws IllegalStateException if the sink is closed.
   */
  @Override
  public synchronized void emit(TelemetryEvent event) {
    if (closed) {
      throw new IllegalStateException(
          String.format("telemetry sink for %s is closed; open a new one to emit %s", file, event.name()));
    }

    byte[] line = toLine(event);
    try {
      append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(
          String.format("cannot append telemetry event %s to %s: %s", event.name(), file, e.getMessage()),
          e);
    }
  }

  /** Closes the file. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(String.format("cannot close telemetry file %s", file), e);
    }
  }

  /** Returns {@code event} as one JSON line with its line break, in the documented key order. */
  static byte[] toLine(TelemetryEvent event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", event.name());
    line.put("ts", event.timestamp().toString());
    line.put("run_id", event.runId());
    line.putAll(event.fields());
    try {
      byte[] json = JsonFiles.mapper().writeValueAsBytes(line);
      byte[] withBreak = java.util.Arrays.copyOf(json, json.length + 1);
      withBreak[json.length] = '\n';
      return withBreak;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          String.format("telemetry event %s has a field that cannot be written as JSON: %s", event.name(), e.getOriginalMessage()),
          e);
    }
  }

  private void append(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static boolean endsWithoutLineBreak(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return false;
    }
    try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      reader.read(last, reader.size() - 1);
      return last.get(0) != '\n';
    }
  }
}
