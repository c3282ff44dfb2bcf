package org.norrlab.archfixture.cycle.b;

import org.norrlab.archfixture.cycle.a.A;

/** The other half of the planted cycle: b uses a. */
public class B {
    public A partner() {
        return new A();
    }
}
