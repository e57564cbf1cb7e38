/** Benchmark commands whose results are recorded in {@code docs/benchmarks.md}. */
package io.hrmtrainer.bench;
