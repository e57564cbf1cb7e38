package io.hrmtrainer.core.config;

import io.hrmtrainer.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named model sizes. On the command line and in JSON a preset is written in lower case ({@code
 * tiny}, {@code small}, {@code base}); single sizes can be overridden with the model size flags.
 */
public enum ModelPreset {
  /** A model small enough to train a 1,000-line chunk in seconds on two CPU cores. */
  TINY(new ModelSpec(64, 4, 1, 1, 2, 2, 2.0)),
  /** A mid-sized model for longer CPU runs or a small GPU. */
  SMALL(new ModelSpec(256, 4, 2, 2, 2, 2, 4.0)),
  /** A model sized for GPU training. */
  BASE(new ModelSpec(512, 8, 4, 4, 2, 2, 4.0));

  private final ModelSpec spec;

  ModelPreset(ModelSpec spec) {
    this.spec = spec;
  }

  /** Returns the model size of this preset. */
  public ModelSpec spec() {
    return spec;
  }

  /** Returns the name used on the command line and in JSON, such as {@code tiny}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the preset named {@code text}, ignoring case and surrounding blanks.
   *
   * @throws InvalidInputException if no preset has that name; the message lists the valid names.
   */
  public static ModelPreset parse(String text) {
    String requested = text.trim();
    for (ModelPreset preset : values()) {
      if (preset.cliName().equalsIgnoreCase(requested)) {
        return preset;
      }
    }
    throw new InvalidInputException(
        String.format(
            "--model-preset '%s' is not a known preset: expected one of %s (model_preset in JSON)."
                + " Fix: pass --model-preset tiny for quick CPU runs or base for GPU training.",
            text, names()));
  }

  private static String names() {
    return Arrays.stream(values()).map(ModelPreset::cliName).collect(Collectors.joining(", "));
  }
}
