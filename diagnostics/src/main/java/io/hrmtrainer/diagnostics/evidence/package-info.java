/**
 * Evidence that a run leaves behind, read back for the scenarios' checks: the telemetry events a
 * run appended, the committed ledger, a snapshot of a brain directory's files, and a comparison of
 * two checkpoints' parameters.
 */
package io.hrmtrainer.diagnostics.evidence;
