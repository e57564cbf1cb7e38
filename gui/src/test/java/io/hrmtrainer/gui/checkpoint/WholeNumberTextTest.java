package io.hrmtrainer.gui.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WholeNumberTextTest {

  @ParameterizedTest(name = "accepts \"{0}\"")
  @ValueSource(strings = {"", "0", "7", "0012", "2147483648"})
  void acceptsDigits(String text) {
    assertThat(WholeNumberText.isAccepted(text)).isTrue();
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"-1", "1.5", "abc", " 1", "+3", "1e3", "12345678901"})
  void rejectsEverythingElse(String text) {
    assertThat(WholeNumberText.isAccepted(text)).isFalse();
  }
}
