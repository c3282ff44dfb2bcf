/**
 * Alerts: short messages to people about events of a run that need them (a run finished, a step failed, a link
 * lost, a safety breach...), sent on the channels config/site.yaml names under {@code alerts:}. A channel is one
 * {@link org.norrlab.alert.AlertChannel}; the {@link org.norrlab.alert.AlertDispatcher} gives each its own thread
 * and bounded queue, so that no channel, however slow, holds up acquisition or another channel. Channels: webhook
 * (the JDK's HTTP client), e-mail (Eclipse Angus Mail) and MQTT (Eclipse Paho); the last two libraries are used
 * nowhere else in norrlab. Depends on config only (to read the alerts block) and Jackson (JSON bodies).
 */
package org.norrlab.alert;
