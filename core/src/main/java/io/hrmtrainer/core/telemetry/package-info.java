/** Telemetry events and the JSONL sink that explains why each chunk was trained or skipped. */
package io.hrmtrainer.core.telemetry;
