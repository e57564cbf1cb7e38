/** The picocli options of {@code hrm-hf train} and {@code hrm-hf plan}, turned into configs. */
package io.hrmtrainer.cli.options;
