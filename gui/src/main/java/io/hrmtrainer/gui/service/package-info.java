/**
 * The services that the GUI's view models receive: background tasks, dialogs, navigation. View
 * models depend on these interfaces instead of on controls, so they are testable without the
 * toolkit.
 */
package io.hrmtrainer.gui.service;
