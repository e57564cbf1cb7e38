package io.hrmtrainer.core.brain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes the JSON state files of a brain with one shared, configured {@link
 * ObjectMapper}.
 *
 * <p>The mapper uses snake_case property names, writes {@link Instant}s as ISO-8601 UTC strings
 * ({@code 2026-12-04T19:30:00Z}), ignores unknown properties (files written by newer releases stay
 * readable) and rejects trailing content after the JSON value. Map keys are written as they are.
 *
 * <p>Reading never changes the file: a truncated or corrupt file raises {@link
 * CorruptFileException} naming the file. Writing replaces the file atomically through {@link
 * AtomicFiles}. All methods are thread-safe.
 */
public final class JsonFiles {

  private static final ObjectMapper MAPPER = createMapper();

  private JsonFiles() {}

  /**
   * Returns the shared mapper.
   *
   * @apiNote Do not reconfigure it: every module shares this instance. Use {@link
   *     ObjectMapper#copy()} for a variant.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads {@code file} as an instance of {@code type}.
   *
   * @throws CorruptFileException if the file is empty, truncated, not JSON, contains only the literal
   *     {@code null}, or does not match {@code type}; the file is left unchanged.
   * @throws IOException if the file cannot be opened, for example {@link
   *     java.nio.file.NoSuchFileException} when it does not exist; check with {@link
   *     Files#exists(Path, java.nio.file.LinkOption...)} first where absence is expected.
   */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    return read(file, MAPPER.constructType(type));
  }

  /**
   * Reads {@code file} as an instance of the generic {@code type}.
   *
   * @throws CorruptFileException if the file cannot be parsed as {@code type}; it is left unchanged.
   * @throws IOException if the file cannot be opened.
   */
  public static <T> T read(Path file, TypeReference<T> type) throws IOException {
    return read(file, MAPPER.getTypeFactory().constructType(type));
  }

  /**
   * Reads {@code file} as a JSON tree.
   *
   * @throws CorruptFileException if the file is not a complete JSON value; it is left unchanged.
   * @throws IOException if the file cannot be opened.
   */
  public static JsonNode readTree(Path file) throws IOException {
    return read(file, MAPPER.constructType(JsonNode.class));
  }

  /**
   * Converts an already parsed tree to {@code type}, naming {@code file} if it does not match.
   *
   * @throws CorruptFileException if the tree has values of the wrong type for {@code type}.
   */
  public static <T> T convert(Path file, JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CorruptFileException(file, describe(e), e);
    }
  }

  /**
   * Replaces {@code file} with {@code value} as indented JSON, atomically.
   *
   * @throws IOException if the directory is not writable or the disk is full; the file keeps its
   *     old content in that case.
   */
  public static void writeAtomically(Path file, Object value) throws IOException {
    byte[] bytes = toBytes(value);
    AtomicFiles.write(file, bytes);
  }

  /** Returns {@code value} as indented UTF-8 JSON ending with a newline. */
  public static byte[] toBytes(Object value) {
    try {
      String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
      return (json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          String.format("cannot write %s as JSON: %s", value.getClass().getName(), e.getMessage()),
          e);
    }
  }

  private static <T> T read(Path file, JavaType type) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      throw new CorruptFileException(file, "the file is empty", null);
    }

    T value;
    try {
      value = MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw new CorruptFileException(file, describe(e), e);
    }
    if (value == null || (value instanceof JsonNode && ((JsonNode) value).isMissingNode())) {
      throw new CorruptFileException(file, "the file contains no JSON value", null);
    }
    return value;
  }

  private static String describe(Exception e) {
    // Jackson reports a cut-off file with several exception types, each with "end-of-input".
    if (e instanceof JsonEOFException
        || (e.getMessage() != null && e.getMessage().contains("end-of-input"))) {
      return "the file ends in the middle of a JSON value (it was probably cut by a crash)";
    }
    if (e instanceof JsonProcessingException) {
      JsonProcessingException jpe = (JsonProcessingException) e;
      String location =
          jpe.getLocation() == null
              ? ""
              : String.format(
                  " at line %d, column %d",
                  jpe.getLocation().getLineNr(), jpe.getLocation().getColumnNr());
      return String.format("it is not valid JSON for this file%s (%s)", location, jpe.getOriginalMessage());
    }
    return String.format("it is not valid JSON for this file (%s)", e.getMessage());
  }

  private static ObjectMapper createMapper() {
    SimpleModule instants = new SimpleModule("hrm-trainer-instants");
    instants.addSerializer(Instant.class, new InstantSerializer());
    instants.addDeserializer(Instant.class, new InstantDeserializer());
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(instants);
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    return mapper;
  }

  /** Writes an instant as its ISO-8601 UTC text. */
  private static final class InstantSerializer extends StdSerializer<Instant> {

    private static final long serialVersionUID = 1L;

    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(value.toString());
    }
  }

  /** Reads an ISO-8601 instant, with a {@code Z} or a numeric offset. */
  private static final class InstantDeserializer extends StdDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.getValueAsString();
      if (text == null) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      try {
        return OffsetDateTime.parse(text.trim()).toInstant();
      } catch (DateTimeParseException e) {
        return (Instant)
            context.handleWeirdStringValue(
                Instant.class, text, "expected an ISO-8601 time such as 2026-12-04T19:30:00Z");
      }
    }
  }
}
