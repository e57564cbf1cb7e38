/** The byte tokenizer and the seeded batching of a chunk's samples into token batches. */
package io.hrmtrainer.trainergpu.data;
