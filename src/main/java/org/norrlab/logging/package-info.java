/**
 * What log lines say about where they come from beyond their logger: the bench of a lab run, carried from
 * the bench's thread to the threads it starts (acquisition, instrument), for config/logback.xml to print.
 */
package org.norrlab.logging;
