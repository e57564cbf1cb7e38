package io.hrmtrainer.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the JSON form of a {@link DatasetManifest}, checking every field. */
final class ManifestJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** A field that is missing or has the wrong type. */
  private static final class BadField extends Exception {

    private static final long serialVersionUID = 1L;

    BadField(String message) {
      super(message, null, false, false);
    }
  }

  private ManifestJson() {}

  static DatasetManifest parse(String json, String origin) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw new BadField("the content is not a JSON object");
      }
      checkVersion(root);
      return toManifest(root);
    } catch (JsonProcessingException e) {
      throw invalid(origin, "invalid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (BadField e) {
      throw invalid(origin, e.getMessage(), null);
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw invalid(origin, e.getMessage(), e);
    }
  }

  private static DatasetManifest toManifest(JsonNode root) throws BadField {
    DatasetFormat format = DatasetFormat.fromName(text(root, "format"));
    DatasetSource source =
        new DatasetSource(Path.of(text(root, "dataset")), format, strings(root, "text_fields"));
    FileStamp stamp = new FileStamp(number(root, "file_size_bytes"), instant(root));
    UniformLayout layout =
        UniformLayout.of(
            number(root, "sample_count"),
            intNumber(root, "samples_per_block"),
            intNumber(root, "dataset_chunk_size"));
    if (number(root, "total_blocks") != layout.totalBlocks()
        || number(root, "total_chunks") != layout.totalChunks()) {
      throw new BadField(
          String.format(
              "total_blocks %d and total_chunks %d do not match the layout: expected %d and %d",
              number(root, "total_blocks"),
              number(root, "total_chunks"),
              layout.totalBlocks(),
              layout.totalChunks()));
    }
    return new DatasetManifest(source, stamp, fingerprint(root), layout, offsets(root));
  }

  private static void checkVersion(JsonNode root) throws BadField {
    long version = number(root, "schema_version");
    if (version != DatasetManifest.SCHEMA_VERSION) {
      throw new BadField(
          String.format(
              "schema_version %d is not supported: expected %d",
              version, DatasetManifest.SCHEMA_VERSION));
    }
  }

  private static String fingerprint(JsonNode root) throws BadField {
    String value = text(root, "fingerprint");
    if (!SHA256_HEX.matcher(value).matches()) {
      throw new BadField(
          String.format("fingerprint \"%s\" is not a SHA-256: expected 64 hex digits", value));
    }
    return value;
  }

  private static Instant instant(JsonNode root) throws BadField {
    String value = text(root, "last_modified");
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadField(
          String.format(
              "last_modified \"%s\" is not a time: expected ISO-8601 UTC such as"
                  + " 2025-01-31T12:00:00Z",
              value));
    }
  }

  private static long[] offsets(JsonNode root) throws BadField {
    JsonNode array = field(root, "chunk_offsets");
    if (!array.isArray()) {
      throw new BadField("chunk_offsets is not an array: expected an array of byte offsets");
    }
    long[] offsets = new long[array.size()];
    for (int i = 0; i < offsets.length; i++) {
      JsonNode offset = array.get(i);
      if (!offset.canConvertToLong() || !offset.isIntegralNumber()) {
        throw new BadField(
            String.format("chunk_offsets[%d] is %s: expected a byte offset", i, offset));
      }
      offsets[i] = offset.longValue();
    }
    return offsets;
  }

  private static JsonNode field(JsonNode root, String name) throws BadField {
    JsonNode value = root.get(name);
    if (value == null || value.isNull()) {
      throw new BadField(String.format("field \"%s\" is missing", name));
    }
    return value;
  }

  private static String text(JsonNode root, String name) throws BadField {
    JsonNode value = field(root, name);
    if (!value.isTextual()) {
      throw new BadField(String.format("field \"%s\" is %s: expected a string", name, value));
    }
    return value.textValue();
  }

  private static long number(JsonNode root, String name) throws BadField {
    JsonNode value = field(root, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new BadField(String.format("field \"%s\" is %s: expected an integer", name, value));
    }
    return value.longValue();
  }

  private static int intNumber(JsonNode root, String name) throws BadField {
    long value = number(root, name);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new BadField(
          String.format("field \"%s\" is %d: expected 1 to %d", name, value, Integer.MAX_VALUE));
    }
    return (int) value;
  }

  private static List<String> strings(JsonNode root, String name) throws BadField {
    JsonNode array = field(root, name);
    if (!array.isArray()) {
      throw new BadField(String.format("field \"%s\" is %s: expected an array", name, array));
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        throw new BadField(
            String.format("field \"%s\" contains %s: expected strings only", name, item));
      }
      values.add(item.textValue());
    }
    return values;
  }

  private static InvalidInputException invalid(String origin, String problem, Throwable cause) {
    return new InvalidInputException(
        String.format(
            "%s is not a valid dataset manifest: %s; delete it and build the manifest again"
                + " from the dataset",
            origin, problem),
        cause);
  }
}
