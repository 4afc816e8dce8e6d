package dev.masq.alias;

/** A request to create an alias. Null fields take defaults. */
public record NewAlias(AddressMode mode, String localPart, String domain, String vendor, String site, String note) {

    public enum AddressMode {
        WORDS, RANDOM, CUSTOM
    }
}
