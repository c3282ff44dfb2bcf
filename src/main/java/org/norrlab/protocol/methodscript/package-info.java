/**
 * PalmSens MethodSCRIPT (EmStat Pico, EmStat4, Sensit, Nexus): reply lines, data packages with
 * hex values and SI prefixes, status and range metadata, error codes, and script generation.
 * Sources: the shared reference serial-protocols.md §1.
 */
package org.norrlab.protocol.methodscript;
