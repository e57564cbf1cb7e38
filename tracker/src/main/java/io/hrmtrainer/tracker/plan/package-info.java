/**
 * Run planning: {@link io.hrmtrainer.tracker.plan.RunPlanner} resolves a dataset layout, a start
 * position, the respect/force choice and a loaded ledger into a {@link
 * io.hrmtrainer.tracker.plan.RunPlan} before any model is built, so that both front ends can show
 * and check what a run will do.
 */
package io.hrmtrainer.tracker.plan;
