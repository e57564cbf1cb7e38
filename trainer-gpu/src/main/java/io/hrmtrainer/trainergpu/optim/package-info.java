/** AdamW with saveable state, the learning-rate schedule, gradient clipping and one training step. */
package io.hrmtrainer.trainergpu.optim;
