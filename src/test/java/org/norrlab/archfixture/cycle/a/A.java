package org.norrlab.archfixture.cycle.a;

import org.norrlab.archfixture.cycle.b.B;

/** Half of a planted package cycle: a uses b. */
public class A {
    public B partner() {
        return new B();
    }
}
