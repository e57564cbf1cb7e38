/**
 * Runnable scenarios that check the start-position contract end to end on the real trainer, and
 * the report they produce.
 *
 * <p>Embedding code runs them like this:
 *
 * <pre>{@code
 * DiagnosticsReport report = DiagnosticsRunner.builder().build().runAll();
 * System.out.print(report.toText());
 * }</pre>
 *
 * <p>{@link io.hrmtrainer.diagnostics.Scenarios#all()} lists the scenarios. Each trains a tiny
 * model on the CPU over small generated datasets in its own working directory and judges the run
 * by its telemetry, ledger and checkpoints.
 */
package io.hrmtrainer.diagnostics;
