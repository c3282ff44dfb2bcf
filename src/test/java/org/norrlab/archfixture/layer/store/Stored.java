package org.norrlab.archfixture.layer.store;

/** What the planted config class reaches for. */
public class Stored {
}
