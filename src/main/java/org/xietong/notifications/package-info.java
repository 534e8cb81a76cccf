/**
 * Telling people what happened: the in-app inbox (and, later, e-mail and reminders),
 * reacting to the other modules' past-tense events through the event publication
 * registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.xietong.notifications;
