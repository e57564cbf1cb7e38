/**
 * Types shared by every hrm-trainer module: the input error that front ends turn into exit code 2.
 *
 * <p>This module does not depend on DJL, picocli or JavaFX.
 */
package io.hrmtrainer.core;
