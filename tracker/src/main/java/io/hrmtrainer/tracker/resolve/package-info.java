/**
 * Run resolution: turns a configuration, the dataset's manifest, the brain's checkpoints and the
 * chosen ledger into a {@code ResolvedRun} before any model is built, for the CLI and the GUI alike.
 */
package io.hrmtrainer.tracker.resolve;
