/** Tests of the run planner. */
package io.hrmtrainer.tracker.plan;
