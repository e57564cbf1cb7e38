package io.hrmtrainer.core.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrainDescriptorTest {

  private static final Instant START = Instant.parse("2026-12-04T19:30:00Z");

  @TempDir Path dir;

  private static ObjectNode model() {
    ObjectNode model = JsonFiles.mapper().createObjectNode();
    model.put("hidden_size", 256).put("h_layers", 2).put("vocab_size", 259);
    return model;
  }

  @Test
  void roundTripsEveryField() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);
    BrainDescriptor descriptor =
        BrainDescriptor.newBrain(model(), "byte")
            .withTotals(new BrainDescriptor.Totals(1200, 48000, 12))
            .withLatestCheckpoint("ckpt-000003")
            .withRun(BrainDescriptor.RunRecord.started("run-1", START).withEnd(START.plusSeconds(60), "complete"))
            .withRun(BrainDescriptor.RunRecord.started("run-2", START.plusSeconds(120)));

    descriptor.write(layout);

    assertThat(BrainDescriptor.read(layout)).contains(descriptor);
    assertThat(Files.readString(layout.brainJson()))
        .contains(
            "\"format_version\" : 1",
            "\"hidden_size\" : 256",
            "\"latest_checkpoint\" : \"ckpt-000003\"",
            "\"optimizer_steps\" : 1200",
            "\"run_id\" : \"run-1\"",
            "\"ended_at\" : \"2026-12-04T19:31:00Z\"");
  }

  @Test
  void missingFileReadsAsEmpty() throws IOException {
    assertThat(BrainDescriptor.read(BrainLayout.of(dir))).isEmpty();
  }

  @Test
  void withRunReplacesSameRunId() {
    BrainDescriptor descriptor =
        BrainDescriptor.newBrain(model(), "byte")
            .withRun(BrainDescriptor.RunRecord.started("a", START))
            .withRun(BrainDescriptor.RunRecord.started("b", START));

    BrainDescriptor ended =
        descriptor.withRun(BrainDescriptor.RunRecord.started("a", START).withEnd(START, "stopped"));

    assertThat(ended.history()).extracting(BrainDescriptor.RunRecord::runId).containsExactly("a", "b");
    assertThat(ended.history().get(0).outcome()).isEqualTo("stopped");
  }

  @Test
  void corruptBrainJsonIsReportedUnchanged() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);
    Files.writeString(layout.brainJson(), "{\"format_version\":1,\"model\":{\"hidden");
    byte[] before = Files.readAllBytes(layout.brainJson());

    CorruptFileException readError =
        assertThrows(CorruptFileException.class, () -> BrainDescriptor.read(layout));
    CorruptFileException writeError =
        assertThrows(
            CorruptFileException.class,
            () -> BrainDescriptor.newBrain(model(), "byte").write(layout));

    assertThat(readError.getMessage())
        .isEqualTo(
            "cannot read "
                + layout.brainJson()
                + ": the file ends in the middle of a JSON value (it was probably cut by a crash)."
                + " The file was left unchanged; restore it from a backup or move it aside (for"
                + " example to brain.json.corrupt), then run again");
    assertThat(writeError.file()).isEqualTo(layout.brainJson());
    assertThat(Files.readAllBytes(layout.brainJson())).isEqualTo(before);
  }

  @Test
  void newerFormatVersionIsRefused() throws IOException {
    BrainLayout layout = BrainLayout.of(dir);
    Files.writeString(layout.brainJson(), "{\"format_version\":2}");

    UnsupportedFormatException error =
        assertThrows(UnsupportedFormatException.class, () -> BrainDescriptor.read(layout));

    assertThat(error.versionFound()).isEqualTo(2);
  }

  @Test
  void modelIsCopiedInAndOut() {
    ObjectNode model = model();
    BrainDescriptor descriptor = BrainDescriptor.newBrain(model, "byte");

    model.put("hidden_size", 1);
    descriptor.model().put("hidden_size", 2);

    assertThat(descriptor.model().get("hidden_size").intValue()).isEqualTo(256);
  }
}
