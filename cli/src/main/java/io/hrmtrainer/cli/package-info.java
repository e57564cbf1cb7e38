/**
 * The {@code hrm-hf} command-line tool: picocli commands that turn arguments into a
 * {@code TrainingConfig}, call the library and print results.
 */
package io.hrmtrainer.cli;
