package io.hrmtrainer.gui.checkpoint;

import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointSummary;
import io.hrmtrainer.core.brain.CommitRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One line of the checkpoint list, with every column already formatted for display.
 *
 * @param name The directory name, such as {@code ckpt-000012}, as {@code --resume-from} accepts it.
 * @param sequence The sequence number.
 * @param step The global optimizer step, or a dash when unknown.
 * @param epoch The epoch, or a dash when unknown.
 * @param chunksCommitted The chunks committed so far, or a dash when unknown.
 * @param time When the checkpoint was committed, in local time, or a dash when unknown.
 * @param valid Whether the checkpoint verified and may be resumed from.
 * @param status {@code valid}, or {@code invalid: } and the reason.
 */
public record CheckpointRow(
    String name,
    long sequence,
    String step,
    String epoch,
    String chunksCommitted,
    String time,
    boolean valid,
    String status) {

  private static final String UNKNOWN = "-";
  private static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Checks that no column is missing. */
  public CheckpointRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }

  /** Returns the row of {@code info}, with times shown in {@code zone}. */
  public static CheckpointRow of(CheckpointInfo info, ZoneId zone) {
    CheckpointSummary summary = info.summary();
    Optional<Instant> created =
        summary.createdAt().or(() -> info.commit().map(CommitRecord::createdAt));
    return new CheckpointRow(
        info.name(),
        info.sequence(),
        shown(summary.globalStep()),
        shown(summary.epoch()),
        shown(summary.chunksCommitted()),
        created.map(instant -> TIME_FORMAT.format(instant.atZone(zone))).orElse(UNKNOWN),
        info.isValid(),
        info.isValid() ? "valid" : "invalid: " + info.reason().orElse("unknown problem"));
  }

  private static String shown(OptionalLong value) {
    return value.isPresent() ? String.valueOf(value.getAsLong()) : UNKNOWN;
  }

  private static String shown(OptionalInt value) {
    return value.isPresent() ? String.valueOf(value.getAsInt()) : UNKNOWN;
  }
}
