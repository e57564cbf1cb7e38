package io.hrmtrainer.tracker.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hrmtrainer.core.brain.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes the ledger file {@code chunk_tracker_state.json}.
 *
 * <p>The file uses snake_case keys: {@code schema_version}, {@code dataset_fingerprint}, {@code
 * samples_per_block}, {@code dataset_chunk_size}, {@code total_blocks_in_dataset}, {@code
 * current_epoch}, {@code total_steps}, {@code total_samples}, {@code completed_chunks[]} (each with
 * {@code block_id}, {@code chunk_id}, {@code gpu_id}, {@code optimizer_step}, {@code steps}, {@code
 * samples}, {@code epoch}, {@code completed_at}) and {@code in_progress_chunks[]} (each with {@code
 * block_id}, {@code chunk_id}, {@code worker_id}). Reading also accepts the key names of older
 * files ({@code step}, {@code true_steps}, {@code samples_trained}, {@code total_true_steps}, {@code
 * total_samples_trained}) and treats a missing {@code epoch} as 0.
 *
 * <p>Writing replaces the file atomically, so a reader sees the old or the new ledger, never a mix.
 * Reading never changes the file: a corrupt, truncated or too new file raises a {@link
 * LedgerFileException} that names the file and the way out. The class is stateless and
 * thread-safe.
 *
 * @implNote Reading streams the file entry by entry. Measured on one machine for a million
 *     completions: the file is about 150 MB, writing takes about 1 s and reading a few seconds.
 */
public final class LedgerStore {

  /** The file name of the ledger inside a checkpoint or a dataset directory. */
  public static final String FILE_NAME = "chunk_tracker_state.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LedgerStore() {}

  /**
   * Reads the ledger at {@code file}.
   *
   * @throws NoSuchFileException if the file does not exist. Use {@link #readIfExists} when a
   *     missing ledger means a new one.
   * @throws IOException if the file cannot be read.
   * @throws LedgerFileException if the content is corrupt, truncated or of a newer schema. The
   *     file is left unchanged.
   */
  public static LedgerState read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = MAPPER.createParser(new BufferedInputStream(in))) {
      return LedgerJson.read(parser);
    } catch (JsonProcessingException e) {
      throw corrupt(file, e.getOriginalMessage(), e);
    } catch (LedgerJson.FormatProblem e) {
      throw corrupt(file, e.getMessage(), e);
    } catch (LedgerJson.VersionProblem e) {
      throw unsupportedVersion(file, e.foundVersion());
    }
  }

  /**
   * Reads the ledger at {@code file} if it exists.
   *
   * @return the ledger, or empty if there is no file at {@code file}.
   * @throws IOException if the file exists but cannot be read.
   * @throws LedgerFileException if the content is corrupt, truncated or of a newer schema.
   */
  public static Optional<LedgerState> readIfExists(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(read(file));
  }

  /**
   * Writes {@code state} to {@code file} atomically, creating parent directories as needed.
   *
   * @throws IOException if the directory is not writable or the disk is full. The previous file, if
   *     any, is kept unchanged in that case.
   */
  public static void write(Path file, LedgerState state) throws IOException {
    AtomicFiles.write(file, out -> writeTo(out, state));
  }

  /** Returns the file content that {@link #write} produces for {@code state}, as a string. */
  public static String toJson(LedgerState state) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      writeTo(buffer, state);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static void writeTo(OutputStream out, LedgerState state) throws IOException {
    JsonFactory factory = MAPPER.getFactory();
    // AtomicFiles flushes and closes the stream itself, after forcing it to disk.
    try (JsonGenerator gen =
        factory.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      gen.setPrettyPrinter(new LedgerPrettyPrinter());
      LedgerJson.write(gen, state);
      gen.writeRaw('\n');
    }
  }

  private static LedgerFileException corrupt(Path file, String detail, Throwable cause) {
    String message =
        String.format(
            "cannot read the chunk ledger %s: the file is corrupt or truncated (%s). The file was"
                + " left unchanged. Restore it from a checkpoint's copy"
                + " (checkpoints/ckpt-*/%s in the brain directory), or move it aside to start a"
                + " new ledger.",
            file, detail, FILE_NAME);
    return new LedgerFileException(file, LedgerFileException.Problem.CORRUPT, message, cause);
  }

  private static LedgerFileException unsupportedVersion(Path file, long found) {
    String message =
        String.format(
            "cannot read the chunk ledger %s: it has schema_version %d, but this version of"
                + " hrm-trainer reads schema versions up to %d (and older files without"
                + " schema_version). Upgrade hrm-trainer, or restore an older ledger from a"
                + " checkpoint (checkpoints/ckpt-*/%s).",
            file, found, LedgerState.SCHEMA_VERSION, FILE_NAME);
    return new LedgerFileException(
        file, LedgerFileException.Problem.UNSUPPORTED_VERSION, message, null);
  }
}
