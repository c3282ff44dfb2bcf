/**
 * Plain data shared by every other package: samples, quality flags, instrument identity and
 * capabilities. Records and enums only; depends on nothing but the JDK.
 */
package org.norrlab.core;
