package org.norrlab.driver;

/**
 * The block of a profile named after its family (e.g. {@code methodscript:}), as a record of that
 * family's own type. The family's provider parses it when the profile is read, so a mistake in it is
 * reported then, with its file, line and field, and a driver never reads settings from text.
 */
public interface FamilySettings {
}
