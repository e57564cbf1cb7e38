/**
 * The seam between the diagnostics scenarios and the trainer: {@link
 * io.hrmtrainer.diagnostics.driver.TrainerDriver} resolves and runs one configuration, and {@link
 * io.hrmtrainer.diagnostics.driver.LibraryTrainerDriver} does so with the real library.
 *
 * <p>Tests put a faulty driver in its place to show that each scenario notices a broken property.
 */
package io.hrmtrainer.diagnostics.driver;
