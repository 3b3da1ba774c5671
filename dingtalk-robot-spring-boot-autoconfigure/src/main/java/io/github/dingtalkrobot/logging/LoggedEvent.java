package io.github.dingtalkrobot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * An event that the appender took, with the time its clock gave when it was logged.
 *
 * @param event the logging event
 * @param timestamp the time, in milliseconds since the epoch
 */
record LoggedEvent(ILoggingEvent event, long timestamp) {

}
