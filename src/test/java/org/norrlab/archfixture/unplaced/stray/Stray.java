package org.norrlab.archfixture.unplaced.stray;

/** A planted class in a package the layering does not place. */
public class Stray {
}
