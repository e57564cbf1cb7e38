package io.hrmtrainer.trainergpu.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteTokenizerTest {

  @Test
  void roundTripsUtf8Text() {
    ByteTokenizer tokenizer = new ByteTokenizer(32);
    String text = "Grüße, 世界!";

    String decoded = tokenizer.decode(tokenizer.encode(text));

    assertThat(decoded).isEqualTo(text);
  }

  @Test
  void appendsEosAndPadsToMaxSeqLen() {
    ByteTokenizer tokenizer = new ByteTokenizer(6);

    int[] tokens = tokenizer.encode("ab");

    assertThat(tokens).containsExactly(
        'a', 'b', ByteTokenizer.EOS, ByteTokenizer.PAD, ByteTokenizer.PAD, ByteTokenizer.PAD);
  }

  @Test
  void truncatesLongSamplesWithoutEos() {
    ByteTokenizer tokenizer = new ByteTokenizer(4);

    int[] tokens = tokenizer.encode("abcdef");

    assertThat(tokens).containsExactly('a', 'b', 'c', 'd');
  }

  @Test
  void keepsEosWhenSampleFitsExactly() {
    ByteTokenizer tokenizer = new ByteTokenizer(4);

    int[] tokens = tokenizer.encode("abc");

    assertThat(tokens).containsExactly('a', 'b', 'c', ByteTokenizer.EOS);
  }

  @Test
  void encodesBytesAbove127AsUnsigned() {
    ByteTokenizer tokenizer = new ByteTokenizer(4);

    int[] tokens = tokenizer.encode("é");

    assertThat(tokens).containsExactly(0xC3, 0xA9, ByteTokenizer.EOS, ByteTokenizer.PAD);
  }

  @Test
  void rejectsTooShortRows() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new ByteTokenizer(1));

    assertThat(error).hasMessage(
        "max_seq_len is 1 but must be at least 2 (one byte and EOS); raise --max-seq-len");
  }

  @Test
  void rejectsIdsOutsideTheVocabulary() {
    ByteTokenizer tokenizer = new ByteTokenizer(4);

    IllegalArgumentException error = assertThrows(
        IllegalArgumentException.class, () -> tokenizer.decode(new int[] {65, 258}));

    assertThat(error).hasMessage("token id 258 is outside the byte vocabulary [0, 258)");
  }
}
