package dev.masq.alias;

import java.util.List;
import java.util.Optional;

/** A partial update: an empty Optional leaves the field as it is. */
public record AliasPatch(Optional<String> note, Optional<String> vendor, Optional<List<String>> vendorDomains,
                         Optional<String> displayName) {

    public AliasPatch(Optional<String> note, Optional<String> vendor, Optional<List<String>> vendorDomains) {
        this(note, vendor, vendorDomains, Optional.empty());
    }
}
