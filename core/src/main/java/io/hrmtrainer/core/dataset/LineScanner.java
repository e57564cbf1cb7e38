package io.hrmtrainer.core.dataset;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds line boundaries in a byte range of a file with large positional reads, without decoding
 * text.
 *
 * <p>A line ends at {@code \n}; a {@code \r} right before it, or at the very end of the range, is
 * not part of the line. A UTF-8 byte order mark at file offset 0 is skipped. Not thread-safe: the
 * buffer is reused between scans.
 */
final class LineScanner {

  /** Receives the bytes of a line; {@code to} is exclusive and excludes the line ending. */
  @FunctionalInterface
  interface LineVisitor {

    /** Handles one line and returns whether the scan should go on. */
    boolean visit(byte[] bytes, int from, int to, long fileOffset) throws IOException;
  }

  /** Receives every byte read, in file order, for example to hash it or report progress. */
  @FunctionalInterface
  interface ByteSink {

    /** A sink that ignores the bytes. */
    ByteSink NONE = (bytes, from, length, endOffset) -> {};

    /**
     * Takes {@code length} bytes; {@code endOffset} is the file offset just after them. The bytes
     * stay unchanged until the next call of {@link #awaitDone()}, so a sink may process them on
     * another thread while the lines are scanned.
     */
    void accept(byte[] bytes, int from, int length, long endOffset) throws IOException;

    /** Waits until the bytes of the last {@link #accept} call are processed. */
    default void awaitDone() throws IOException {}
  }

  // Lines longer than this are not text a tokenizer can use; the limit keeps the buffer in range.
  private static final int MAX_BUFFER_BYTES = 1 << 30;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final FileChannel channel;
  private byte[] buffer;

  LineScanner(FileChannel channel, int bufferBytes) {
    this.channel = channel;
    this.buffer = new byte[bufferBytes];
  }

  /**
   * Visits the lines in {@code [start, end)} until the range ends or the visitor stops.
   *
   * @return The file offset up to which bytes were read.
   * @throws IOException if reading fails or a line is longer than 1 GiB.
   */
  long scan(long start, long end, ByteSink sink, LineVisitor visitor) throws IOException {
    byte[] buf = buffer;
    long bufferOffset = start; // file offset of buf[0]
    long readOffset = start;
    int filled = 0;
    int lineStart = 0;
    boolean bomChecked = start != 0;
    while (readOffset < end) {
      sink.awaitDone();
      if (filled == buf.length) {
        if (lineStart > 0) {
          System.arraycopy(buf, lineStart, buf, 0, filled - lineStart);
          bufferOffset += lineStart;
          filled -= lineStart;
          lineStart = 0;
        } else {
          buf = grow(buf);
        }
      }
      int scanFrom = filled;
      int requested = (int) Math.min(buf.length - filled, end - readOffset);
      int read = channel.read(ByteBuffer.wrap(buf, filled, requested), readOffset);
      if (read < 0) {
        break;
      }
      sink.accept(buf, filled, read, readOffset + read);
      readOffset += read;
      filled += read;
      if (!bomChecked && (filled >= UTF8_BOM.length || readOffset >= end)) {
        bomChecked = true;
        lineStart = startsWithBom(buf, filled) ? UTF8_BOM.length : 0;
        scanFrom = lineStart;
      }
      if (!bomChecked) {
        continue;
      }
      int newline;
      while ((newline = indexOfNewline(buf, scanFrom, filled)) >= 0) {
        int to = newline > lineStart && buf[newline - 1] == '\r' ? newline - 1 : newline;
        if (!visitor.visit(buf, lineStart, to, bufferOffset + lineStart)) {
          sink.awaitDone();
          buffer = buf;
          return readOffset;
        }
        lineStart = newline + 1;
        scanFrom = lineStart;
      }
    }
    sink.awaitDone();
    buffer = buf;
    if (lineStart < filled) {
      int to = buf[filled - 1] == '\r' ? filled - 1 : filled;
      visitor.visit(buf, lineStart, to, bufferOffset + lineStart);
    }
    return readOffset;
  }

  /**
   * Returns the index of the first {@code \n} in {@code [from, to)}, or -1, testing eight bytes at
   * a time.
   */
  static int indexOfNewline(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
      // Marks the bytes of the word that are zero, that is, were '\n'. A false mark can only
      // follow a true one, so the lowest mark is exact.
      long marks = (word - LOW_BITS) & ~word & HIGH_BITS;
      if (marks != 0) {
        return i + (Long.numberOfTrailingZeros(marks) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns whether the bytes contain only whitespace, with the meaning of {@link
   * String#isBlank()} on their UTF-8 text. Only lines with non-ASCII bytes and no other visible
   * character are decoded.
   */
  static boolean isBlank(byte[] bytes, int from, int to) {
    boolean nonAscii = false;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < 0) {
        nonAscii = true;
      } else if (!isAsciiWhitespace(b)) {
        return false;
      }
    }
    return !nonAscii || new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
  }

  private static boolean isAsciiWhitespace(byte b) {
    // The ASCII code points for which Character.isWhitespace is true.
    return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
  }

  private static boolean startsWithBom(byte[] buf, int filled) {
    return filled >= UTF8_BOM.length
        && Arrays.equals(buf, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length);
  }

  private static byte[] grow(byte[] buf) throws IOException {
    if (buf.length >= MAX_BUFFER_BYTES) {
      throw new IOException(
          String.format(
              "a line is longer than %d bytes: expected lines short enough to be samples;"
                  + " split the line or check that the file is a text or JSONL dataset",
              MAX_BUFFER_BYTES));
    }
    return Arrays.copyOf(buf, Math.min(MAX_BUFFER_BYTES, buf.length * 2));
  }
}
