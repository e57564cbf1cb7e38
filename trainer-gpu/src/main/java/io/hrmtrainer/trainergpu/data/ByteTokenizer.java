package io.hrmtrainer.trainergpu.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns text into fixed-length rows of byte tokens and back.
 *
 * <p>The vocabulary has {@value #VOCAB_SIZE} entries: the 256 byte values of the sample's UTF-8
 * encoding, {@link #PAD} and {@link #EOS}. {@link #encode(String)} appends EOS after the bytes,
 * keeps the first {@code maxSeqLen} tokens and fills the rest with PAD. A sample longer than
 * {@code maxSeqLen - 1} bytes is truncated and loses its EOS, because the text did not end there.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ByteTokenizer {

  /** The padding token, ignored by the loss. */
  public static final int PAD = 256;

  /** The end-of-sample token, appended after the last byte. */
  public static final int EOS = 257;

  /** The number of token ids: 256 bytes, PAD and EOS. */
  public static final int VOCAB_SIZE = 258;

  private final int maxSeqLen;

  /**
   * Creates a tokenizer that produces rows of {@code maxSeqLen} tokens.
   *
   * @param maxSeqLen The row length; at least 2 so a row fits one byte and EOS.
   * @throws IllegalArgumentException if {@code maxSeqLen < 2}; pass a longer length.
   */
  public ByteTokenizer(int maxSeqLen) {
    if (maxSeqLen < 2) {
      throw new IllegalArgumentException(String.format(
          "max_seq_len is %d but must be at least 2 (one byte and EOS); raise --max-seq-len",
          maxSeqLen));
    }
    this.maxSeqLen = maxSeqLen;
  }

  /**
   * Returns the row length of every encoded sample.
   *
   * @return The number of tokens per row.
   */
  public int maxSeqLen() {
    return maxSeqLen;
  }

  /**
   * Encodes one sample as its UTF-8 bytes, EOS and padding, truncated to {@link #maxSeqLen()}.
   *
   * @param sample The sample text.
   * @return A new array of exactly {@link #maxSeqLen()} token ids.
   */
  public int[] encode(String sample) {
    byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
    int[] tokens = new int[maxSeqLen];
    Arrays.fill(tokens, PAD);

    int byteCount = Math.min(bytes.length, maxSeqLen);
    for (int i = 0; i < byteCount; i++) {
      tokens[i] = bytes[i] & 0xFF;
    }
    if (byteCount < maxSeqLen) {
      tokens[byteCount] = EOS;
    }
    return tokens;
  }

  /**
   * Decodes token ids back to text: bytes up to the first EOS or PAD, read as UTF-8.
   *
   * @param tokens Token ids as produced by {@link #encode(String)} or by sampling a model.
   * @return The decoded text; malformed UTF-8 sequences become U+FFFD.
   * @throws IllegalArgumentException if an id is outside {@code [0, VOCAB_SIZE)}.
   */
  public String decode(int[] tokens) {
    byte[] bytes = new byte[tokens.length];
    int length = 0;
    for (int token : tokens) {
      if (token < 0 || token >= VOCAB_SIZE) {
        throw new IllegalArgumentException(String.format(
            "token id %d is outside the byte vocabulary [0, %d)", token, VOCAB_SIZE));
      }
      if (token == EOS || token == PAD) {
        break;
      }
      bytes[length++] = (byte) token;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
