/**
 * The seam between norrlab and instruments: {@link org.norrlab.driver.Potentiostat}, the sample
 * stream it feeds, its checked exceptions, the instrument profiles in drivers/ and the registry that
 * finds a provider for a profile's family through {@link java.util.ServiceLoader}. Adding an
 * instrument adds a provider (with a record for its profile block, parsed when the profile is read);
 * nothing here changes. Every technique runs through one {@code Potentiostat.start} over the sealed
 * {@code MeasurementRequest}: adding a technique adds a request record and a
 * visitor case, which every driver must then handle, and the profile's capabilities list which
 * techniques an instrument runs. Whether an instrument is simulated is its provider's answer.
 */
package org.norrlab.driver;
