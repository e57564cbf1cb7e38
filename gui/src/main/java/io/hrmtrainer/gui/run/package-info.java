/** The run view: live progress, loss chart, chunk map, events, and the stop buttons. */
package io.hrmtrainer.gui.run;
