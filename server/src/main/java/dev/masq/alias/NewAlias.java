package dev.masq.alias;

import dev.masq.common.InvalidInputException;
import java.util.Locale;

/** A request to create an alias. Null fields take defaults. */
public record NewAlias(AddressMode mode, String localPart, String domain, String vendor, String site, String note) {

    public enum AddressMode {
        WORDS, RANDOM, CUSTOM;

        /** The API's and the web form's word for a mode; null (not given) stays null, for the default. */
        public static AddressMode fromWire(String mode) {
            if (mode == null) {
                return null;
            }
            return switch (mode.toLowerCase(Locale.ROOT)) {
                case "words" -> WORDS;
                case "random" -> RANDOM;
                case "custom" -> CUSTOM;
                default -> throw new InvalidInputException("mode", "mode is one of words, random, custom");
            };
        }
    }
}
