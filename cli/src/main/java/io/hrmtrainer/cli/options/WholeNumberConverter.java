package io.hrmtrainer.cli.options;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value to a {@code long}, so that values beyond the range of the setting
 * reach the range checks of core with their messages. Picocli prefixes the message with the
 * option name.
 */
final class WholeNumberConverter implements ITypeConverter<Long> {

  private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

  @Override
  public Long convert(String value) {
    String trimmed = value.trim();
    if (!DIGITS.matcher(trimmed).matches()) {
      throw new TypeConversionException(
          String.format("'%s' is not a whole number: expected digits only, such as 16", value));
    }
    try {
      return Long.valueOf(trimmed);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          String.format(
              "'%s' is too large: expected a whole number from %d to %d",
              value, Long.MIN_VALUE, Long.MAX_VALUE));
    }
  }
}
