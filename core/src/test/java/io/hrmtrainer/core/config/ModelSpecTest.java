package io.hrmtrainer.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {

  @Test
  void tinyPresetIsSizedForCpu() {
    ModelSpec tiny = ModelPreset.TINY.spec();

    assertThat(tiny).isEqualTo(new ModelSpec(64, 4, 1, 1, 2, 2, 2.0));
    assertThat(tiny.headDim()).isEqualTo(16);
  }

  @Test
  void presetsHaveTheirSizes() {
    assertThat(ModelPreset.SMALL.spec()).isEqualTo(new ModelSpec(256, 4, 2, 2, 2, 2, 4.0));
    assertThat(ModelPreset.BASE.spec()).isEqualTo(new ModelSpec(512, 8, 4, 4, 2, 2, 4.0));
  }

  @Test
  void indivisibleHiddenSizeIsRejected() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> new ModelSpec(100, 8, 1, 1, 1, 1, 2.0));

    assertThat(error)
        .hasMessage(
            "--hidden-size 100 is not a multiple of --num-heads 8: every attention head needs an"
                + " equal share of the hidden width (model.hidden_size in JSON)."
                + " Fix: pass a --hidden-size that is a multiple of 16, such as 112.");
  }

  @Test
  void oddHeadWidthIsRejected() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> new ModelSpec(36, 4, 1, 1, 1, 1, 2.0));

    assertThat(error)
        .hasMessage(
            "--hidden-size 36 with --num-heads 4 gives an odd head width of 9: rotary position"
                + " encoding needs an even head width (model.hidden_size in JSON)."
                + " Fix: pass a --hidden-size that is a multiple of 8, such as 40.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "zero hidden size | 0   | 4 | 1 | 1 | 1 | 1 | 2.0 | --hidden-size 0 is out of range",
        "zero heads       | 64  | 0 | 1 | 1 | 1 | 1 | 2.0 | --num-heads 0 is out of range",
        "zero H layers    | 64  | 4 | 0 | 1 | 1 | 1 | 2.0 | --h-layers 0 is out of range",
        "zero L layers    | 64  | 4 | 1 | 0 | 1 | 1 | 2.0 | --l-layers 0 is out of range",
        "zero H cycles    | 64  | 4 | 1 | 1 | 0 | 1 | 2.0 | --h-cycles 0 is out of range",
        "negative L cycles| 64  | 4 | 1 | 1 | 1 | -1| 2.0 | --l-cycles -1 is out of range",
        "zero expansion   | 64  | 4 | 1 | 1 | 1 | 1 | 0.0 | --mlp-expansion 0.0 is out of range",
        "NaN expansion    | 64  | 4 | 1 | 1 | 1 | 1 | NaN | --mlp-expansion NaN is out of range",
      })
  void invalidSizeIsRejected(
      String name, int hidden, int heads, int hLayers, int lLayers, int hCycles, int lCycles,
      double expansion, String expectedMessageStart) {

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> new ModelSpec(hidden, heads, hLayers, lLayers, hCycles, lCycles, expansion));

    assertThat(error).hasMessageStartingWith(expectedMessageStart);
  }

  @Test
  void rangeMessageNamesKeyAndFix() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> new ModelSpec(64, 0, 1, 1, 1, 1, 2.0));

    assertThat(error)
        .hasMessage(
            "--num-heads 0 is out of range: expected a whole number of heads >= 1"
                + " (model.num_heads in JSON). Fix: pass --num-heads 1 or more.");
  }
}
