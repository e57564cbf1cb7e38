package io.hrmtrainer.tracker.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Lays out a ledger file with one top-level field per line and one array entry per line.
 *
 * <p>A ledger of a million chunks stays about as small as compact JSON, yet a person can read it
 * and a line-based diff shows which chunks changed. Objects below the arrays are written on one
 * line. One instance serves one generator.
 */
final class LedgerPrettyPrinter implements PrettyPrinter {

  private int depth;

  @Override
  public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator gen) throws IOException {
    gen.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator gen) throws IOException {
    newLineIfTopLevel(gen);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw(depth == 1 ? ": " : ":");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw(',');
    newLineIfTopLevel(gen);
  }

  @Override
  public void writeEndObject(JsonGenerator gen, int nrOfEntries) throws IOException {
    depth--;
    if (depth == 0 && nrOfEntries > 0) {
      gen.writeRaw('\n');
    }
    gen.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator gen) throws IOException {
    gen.writeRaw('[');
    depth++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator gen) throws IOException {
    indentArrayValue(gen);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw(',');
    indentArrayValue(gen);
  }

  @Override
  public void writeEndArray(JsonGenerator gen, int nrOfValues) throws IOException {
    depth--;
    if (depth == 1 && nrOfValues > 0) {
      gen.writeRaw("\n  ");
    }
    gen.writeRaw(']');
  }

  private void newLineIfTopLevel(JsonGenerator gen) throws IOException {
    if (depth == 1) {
      gen.writeRaw("\n  ");
    }
  }

  private void indentArrayValue(JsonGenerator gen) throws IOException {
    if (depth == 2) {
      gen.writeRaw("\n    ");
    }
  }
}
