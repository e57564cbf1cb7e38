package io.hrmtrainer.trainergpu.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names and shapes of a set of parameters, compared before values are copied between
 * models or loaded from a file.
 *
 * @param shapes Parameter name to shape, in parameter order.
 */
public record ParameterLayout(Map<String, Shape> shapes) {

  /**
   * Creates a layout, copying the map in order.
   *
   * @param shapes Parameter name to shape.
   */
  public ParameterLayout {
    shapes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
  }

  /**
   * Reads the layout of a block's parameters.
   *
   * @param parameters The named parameters, e.g. {@code block.getParameters()}.
   * @return Their layout.
   */
  public static ParameterLayout of(PairList<String, Parameter> parameters) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (Pair<String, Parameter> named : parameters) {
      shapes.put(named.getKey(), named.getValue().getShape());
    }
    return new ParameterLayout(shapes);
  }

  /**
   * Checks that two layouts match and lists every difference otherwise.
   *
   * @param found The layout that is being loaded or copied.
   * @param expected The layout of the receiving model.
   * @throws IllegalArgumentException naming each missing, unexpected and reshaped parameter.
   */
  public static void requireSameLayout(ParameterLayout found, ParameterLayout expected) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Shape> entry : expected.shapes().entrySet()) {
      Shape other = found.shapes().get(entry.getKey());
      if (other == null) {
        problems.add(String.format("  missing: %s %s", entry.getKey(), entry.getValue()));
      } else if (!other.equals(entry.getValue())) {
        problems.add(String.format("  shape of %s: expected %s, found %s",
            entry.getKey(), entry.getValue(), other));
      }
    }
    for (Map.Entry<String, Shape> entry : found.shapes().entrySet()) {
      if (!expected.shapes().containsKey(entry.getKey())) {
        problems.add(String.format("  unexpected: %s %s", entry.getKey(), entry.getValue()));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.format(
          "the parameters do not match the model (%d differences); use state saved from a"
              + " model with the same spec:%n%s", problems.size(), String.join("\n", problems)));
    }
  }
}
