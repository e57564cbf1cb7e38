package io.hrmtrainer.trainergpu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import org.junit.jupiter.api.Test;

class LanguageModelLossTest {

  @Test
  void extraPaddingDoesNotChangeTheLoss() {
    ByteTokenizer shortRows = new ByteTokenizer(12);
    ByteTokenizer longRows = new ByteTokenizer(20);
    try (NDManager manager = NDManager.newBaseManager()) {
      HrmModel model = TinyModels.newModel(manager, TinyModels.UNIT, GradientMode.ONE_STEP, 3L);
      NDArray compact = rows(manager, shortRows, "to be", "or not");
      NDArray padded = rows(manager, longRows, "to be", "or not");

      float compactLoss = LanguageModelLoss.nextToken(model.logits(compact), compact).getFloat();
      float paddedLoss = LanguageModelLoss.nextToken(model.logits(padded), padded).getFloat();

      assertThat(paddedLoss).isCloseTo(compactLoss, within(1e-5f));
    }
  }

  @Test
  void uniformLogitsGiveLogOfVocabulary() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray tokens = rows(manager, new ByteTokenizer(6), "abc");
      NDArray logits = manager.zeros(new Shape(1, 6, ByteTokenizer.VOCAB_SIZE));

      float loss = LanguageModelLoss.nextToken(logits, tokens).getFloat();

      assertThat(loss).isCloseTo((float) Math.log(ByteTokenizer.VOCAB_SIZE), within(1e-5f));
    }
  }

  @Test
  void countsOnlyNonPadTargets() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Row "ab" + EOS + 2 PAD: targets b, EOS, PAD, PAD; only b and EOS count.
      NDArray tokens = rows(manager, new ByteTokenizer(5), "ab");
      float[] values = new float[5 * ByteTokenizer.VOCAB_SIZE];
      values[0 * ByteTokenizer.VOCAB_SIZE + 'b'] = 100f;
      values[1 * ByteTokenizer.VOCAB_SIZE + ByteTokenizer.EOS] = 100f;
      NDArray logits = manager.create(values, new Shape(1, 5, ByteTokenizer.VOCAB_SIZE));

      float loss = LanguageModelLoss.nextToken(logits, tokens).getFloat();

      assertThat(loss).isCloseTo(0f, within(1e-5f));
    }
  }

  private static NDArray rows(NDManager manager, ByteTokenizer tokenizer, String... samples) {
    int[][] encoded = new int[samples.length][];
    for (int i = 0; i < samples.length; i++) {
      encoded[i] = tokenizer.encode(samples[i]);
    }
    return io.hrmtrainer.trainergpu.data.TokenBatch.of(encoded).toNDArray(manager);
  }
}
