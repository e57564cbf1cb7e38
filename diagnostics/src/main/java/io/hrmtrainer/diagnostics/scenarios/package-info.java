/**
 * The seven scenarios of the start-position contract. {@link io.hrmtrainer.diagnostics.Scenarios}
 * lists them in run order.
 */
package io.hrmtrainer.diagnostics.scenarios;
