package dev.masq.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.alias.AliasPatch;
import dev.masq.alias.NewAlias;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Request bodies of the alias API, as the client sends them, and their translation into service requests. */
final class AliasRequests {
    private AliasRequests() {
    }

    /** addy.io's create, on the same path, is told apart and answered by {@link AddyHandlers}. */
    record Create(String mode, String localPart, String domain, String vendor, String site, String note,
                  List<String> inboxIds) {
        NewAlias toNewAlias() {
            return new NewAlias(NewAlias.AddressMode.fromWire(mode), localPart, domain, vendor, site, note);
        }
    }

    /**
     * A field that is absent stays as it is; a field sent as null (or empty) is cleared. {@code vendor_only}
     * and {@code allowed_domains} are sender settings, applied with the alias's own fields in one transaction.
     */
    record Patch(String note, String vendor, List<String> vendorDomains, Boolean vendorOnly, List<String> allowedDomains,
                 String displayName, List<String> inboxIds) {
        /** The fields null clears; null for any other (vendor_only) is refused. */
        static final Set<String> CLEARABLE = Set.of("note", "vendor", "vendor_domains", "allowed_domains", "display_name");

        static AliasPatchService.Change from(ObjectNode body, Patch p) {
            AliasPatch fields = new AliasPatch(
                    body.has("note") ? Optional.of(p.note() == null ? "" : p.note()) : Optional.empty(),
                    body.has("vendor") ? Optional.of(p.vendor() == null ? "" : p.vendor()) : Optional.empty(),
                    body.has("vendor_domains") ? Optional.of(p.vendorDomains() == null ? List.of() : p.vendorDomains()) : Optional.empty(),
                    body.has("display_name") ? Optional.of(p.displayName() == null ? "" : p.displayName()) : Optional.empty());
            return new AliasPatchService.Change(fields,
                    body.has("allowed_domains") ? Optional.of(p.allowedDomains() == null ? List.of() : p.allowedDomains()) : Optional.empty(),
                    body.has("vendor_only") ? Optional.of(Boolean.TRUE.equals(p.vendorOnly())) : Optional.empty(),
                    Optional.ofNullable(p.inboxIds()));
        }
    }

    record Burn(Boolean replace, String reason) {
        boolean replaceOrDefault() {
            return Boolean.TRUE.equals(replace);
        }
    }
}
