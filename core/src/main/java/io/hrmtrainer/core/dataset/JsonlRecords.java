package io.hrmtrainer.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Parses JSONL records and joins their text fields into a sample.
 *
 * <p>Problems are returned as short descriptions without the file and line, which the caller adds.
 * Thread-safe.
 */
final class JsonlRecords {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A record that could not be turned into a sample, described for a user. */
  static final class RecordProblem extends Exception {

    private static final long serialVersionUID = 1L;

    RecordProblem(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  private JsonlRecords() {}

  /**
   * Parses one line and returns its sample: the only text field, or the fields joined with {@link
   * DatasetSource#FIELD_SEPARATOR}.
   *
   * @throws RecordProblem if the line is not a JSON object, a field is missing or is not a string.
   */
  static String sampleOf(byte[] bytes, int from, int to, List<String> fields)
      throws RecordProblem {

    JsonNode record = parseObject(bytes, from, to);
    if (fields.size() == 1) {
      return textField(record, fields.get(0), fields);
    }
    StringBuilder sample = new StringBuilder();
    for (String field : fields) {
      if (sample.length() > 0) {
        sample.append(DatasetSource.FIELD_SEPARATOR);
      }
      sample.append(textField(record, field, fields));
    }
    return sample.toString();
  }

  /**
   * Checks that a line is a JSON object with every text field as a string.
   *
   * @throws RecordProblem if it is not. The message names what was found and what was expected.
   */
  static void check(byte[] bytes, int from, int to, List<String> fields) throws RecordProblem {
    JsonNode record = parseObject(bytes, from, to);
    for (String field : fields) {
      textField(record, field, fields);
    }
  }

  private static JsonNode parseObject(byte[] bytes, int from, int to) throws RecordProblem {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes, from, to - from);
    } catch (JsonProcessingException e) {
      throw new RecordProblem(
          String.format(
              "invalid JSON (%s): expected one JSON object per line", e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new RecordProblem(
          String.format("invalid JSON (%s): expected one JSON object per line", e.getMessage()),
          e);
    }
    if (node == null || !node.isObject()) {
      String found = node == null ? "nothing" : "a JSON " + kind(node);
      throw new RecordProblem(
          String.format("found %s: expected one JSON object per line", found), null);
    }
    return node;
  }

  private static String textField(JsonNode record, String field, List<String> fields)
      throws RecordProblem {

    JsonNode value = record.get(field);
    if (value == null) {
      throw new RecordProblem(
          String.format(
              "field \"%s\" is missing: expected the text field%s %s in every record;"
                  + " this record has the fields %s; name the field(s) that contain the text",
              field, fields.size() == 1 ? "" : "s", quoted(fields), fieldNames(record)),
          null);
    }
    if (!value.isTextual()) {
      throw new RecordProblem(
          String.format(
              "field \"%s\" is %s: expected a string; store the text as a JSON string",
              field, "a JSON " + kind(value)),
          null);
    }
    return value.textValue();
  }

  private static List<String> fieldNames(JsonNode record) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
      names.add("\"" + it.next() + "\"");
    }
    return names;
  }

  private static List<String> quoted(List<String> fields) {
    List<String> quoted = new ArrayList<>(fields.size());
    for (String field : fields) {
      quoted.add("\"" + field + "\"");
    }
    return quoted;
  }

  private static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "array";
      case OBJECT:
        return "object";
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "boolean";
      case NULL:
        return "null";
      case STRING:
        return "string";
      default:
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
