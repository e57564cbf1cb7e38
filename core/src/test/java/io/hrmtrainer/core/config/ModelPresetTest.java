package io.hrmtrainer.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelPresetTest {

  @ParameterizedTest
  @EnumSource(ModelPreset.class)
  void cliNameParsesBackToPreset(ModelPreset preset) {
    assertThat(ModelPreset.parse(preset.cliName())).isSameAs(preset);
  }

  @Test
  void cliNamesAreLowerCase() {
    assertThat(ModelPreset.TINY.cliName()).isEqualTo("tiny");
    assertThat(ModelPreset.SMALL.cliName()).isEqualTo("small");
    assertThat(ModelPreset.BASE.cliName()).isEqualTo("base");
  }

  @Test
  void parseIgnoresCaseAndBlanks() {
    assertThat(ModelPreset.parse(" Base ")).isSameAs(ModelPreset.BASE);
  }

  @Test
  void unknownPresetListsValidNames() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> ModelPreset.parse("huge"));

    assertThat(error)
        .hasMessage(
            "--model-preset 'huge' is not a known preset: expected one of tiny, small, base"
                + " (model_preset in JSON). Fix: pass --model-preset tiny for quick CPU runs or"
                + " base for GPU training.");
  }
}
