package io.hrmtrainer.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value to a {@code double}. Any value {@link Double#valueOf(String)} reads is
 * passed on, NaN and infinities included, so that core rejects them with its range message.
 */
final class DecimalConverter implements ITypeConverter<Double> {

  @Override
  public Double convert(String value) {
    try {
      return Double.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          String.format("'%s' is not a number: expected a decimal such as 0.001 or 1e-3", value));
    }
  }
}
