package org.norrlab.transport;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a profile recognises its instrument among the serial ports: USB vendor and product id and/or
 * a pattern on the port's description. An empty criterion matches anything.
 */
public record UsbMatch(Optional<Integer> vendorId, Optional<Integer> productId, Optional<Pattern> description) {

    public boolean matches(int portVendorId, int portProductId, String portDescription) {
        return vendorId.map(v -> v == portVendorId).orElse(true)
                && productId.map(p -> p == portProductId).orElse(true)
                && description.map(d -> d.matcher(portDescription == null ? "" : portDescription).find()).orElse(true);
    }

    public boolean isEmpty() {
        return vendorId.isEmpty() && productId.isEmpty() && description.isEmpty();
    }
}
