package io.hrmtrainer.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineScannerTest {

  @Test
  void findsFirstNewlineAtEveryOffset() {
    // Bytes next to '\n' in value (0x0B, 0x09, 0x8A, 0xFF) must never be taken for it.
    byte[] filler = {0x0B, 0x09, (byte) 0x8A, (byte) 0xFF, 'a'};
    for (int length = 0; length <= 20; length++) {
      for (int at = -1; at < length; at++) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
          bytes[i] = filler[i % filler.length];
        }
        if (at >= 0) {
          bytes[at] = '\n';
          Arrays.fill(bytes, at + 1, length, (byte) '\n');
        }

        int found = LineScanner.indexOfNewline(bytes, 0, length);

        assertThat(found).as("length %d, newline at %d", length, at).isEqualTo(at);
      }
    }
  }

  @Test
  void searchesOnlyInsideTheRange() {
    byte[] bytes = "\nabcdefghij\nxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    int inside = LineScanner.indexOfNewline(bytes, 1, bytes.length);
    int cutShort = LineScanner.indexOfNewline(bytes, 1, 11);

    assertThat(inside).isEqualTo(11);
    assertThat(cutShort).isEqualTo(-1);
  }
}
