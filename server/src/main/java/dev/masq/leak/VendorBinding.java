package dev.masq.leak;

import java.util.List;
import java.util.Set;

/**
 * Whom an alias was given to, as the classifier needs it.
 *
 * @param vendor         the vendor's label as the person wrote it ("OpenAI"); may be null
 * @param vendorDomains  the vendor's registrable domains; empty until set or learned
 * @param allowedDomains further registrable domains the person accepts mail from on this alias
 */
public record VendorBinding(String vendor, List<String> vendorDomains, Set<String> allowedDomains) {
    public VendorBinding {
        vendorDomains = List.copyOf(vendorDomains);
        allowedDomains = Set.copyOf(allowedDomains);
    }
}
