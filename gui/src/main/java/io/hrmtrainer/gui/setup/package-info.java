/** The run setup form: dataset, brain directory, sizes, optimizer, devices, validated as typed. */
package io.hrmtrainer.gui.setup;
