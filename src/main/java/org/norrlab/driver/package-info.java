/**
 * The seam between norrlab and instruments: {@link org.norrlab.driver.Potentiostat}, the sample
 * stream it feeds, its checked exceptions, the instrument profiles in drivers/ and the registry that
 * finds a provider for a profile's family through {@link java.util.ServiceLoader}. Adding an
 * instrument adds a provider; nothing here changes.
 */
package org.norrlab.driver;
