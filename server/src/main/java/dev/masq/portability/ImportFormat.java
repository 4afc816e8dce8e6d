package dev.masq.portability;

import dev.masq.common.InvalidInputException;
import java.util.Locale;

/** The files masq imports, by the name a client gives ({@code format}) and the name a person reads. */
public enum ImportFormat {
    SIMPLELOGIN("simplelogin", "SimpleLogin"),
    ADDY("addy", "addy.io"),
    MASQ("masq", "masq");

    private final String wire;
    private final String label;

    ImportFormat(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    /** The named format; null or blank means: tell it from the file. */
    public static ImportFormat fromWire(String wire) {
        if (wire == null || wire.isBlank() || wire.equals("auto")) {
            return null;
        }
        for (ImportFormat f : values()) {
            if (f.wire.equals(wire.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new InvalidInputException("format", "format is simplelogin, addy or masq (or leave it out)");
    }
}
