/** The immutable training configuration, its JSON form and its command-line form. */
package io.hrmtrainer.core.config;
