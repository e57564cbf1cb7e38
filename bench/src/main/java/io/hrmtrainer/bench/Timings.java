package io.hrmtrainer.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Repeated timings of one operation, in nanoseconds, summarised as median, minimum and maximum.
 *
 * <p>Not thread-safe.
 */
final class Timings {

  private final List<Long> nanos = new ArrayList<>();

  /** Adds one measured duration. */
  void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  /** Returns the number of measurements. */
  int count() {
    return nanos.size();
  }

  /** Returns the median in nanoseconds; with an even count, the mean of the two middle values. */
  double medianNanos() {
    List<Long> sorted = sorted();
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(middle);
    }
    return (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  /** Returns the fastest measurement in nanoseconds. */
  long minNanos() {
    return sorted().get(0);
  }

  /** Returns the slowest measurement in nanoseconds. */
  long maxNanos() {
    return sorted().get(nanos.size() - 1);
  }

  /** Formats median, min and max in milliseconds with three decimals. */
  String toMillisText() {
    return String.format(
        "median %.3f ms, min %.3f ms, max %.3f ms (n=%d)",
        medianNanos() / 1e6, minNanos() / 1e6, maxNanos() / 1e6, count());
  }

  private List<Long> sorted() {
    if (nanos.isEmpty()) {
      throw new IllegalStateException("no timings were recorded: add at least one first");
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted;
  }
}
