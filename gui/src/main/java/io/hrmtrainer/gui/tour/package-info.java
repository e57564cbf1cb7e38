/** A scripted walk through the app that saves a screenshot of each screen. */
package io.hrmtrainer.gui.tour;
