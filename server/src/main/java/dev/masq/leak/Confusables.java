package dev.masq.leak;

import java.text.Normalizer;
import java.util.Map;

/**
 * A "skeleton" of a domain label in the spirit of Unicode TS #39: two labels a reader cannot tell
 * apart get the same skeleton ({@code оpenai} with a Cyrillic о, {@code 0penai}, {@code open-ai}
 * all become {@code openai}). The table covers the Cyrillic, Greek, Armenian and Latin letters
 * and the digits that phishing domains use in practice, not the whole Unicode confusables file.
 */
final class Confusables {
    private static final Map<Integer, String> SINGLE = Map.ofEntries(
            // Cyrillic
            Map.entry(0x0430, "a"), Map.entry(0x0435, "e"), Map.entry(0x043E, "o"), Map.entry(0x0440, "p"),
            Map.entry(0x0441, "c"), Map.entry(0x0443, "y"), Map.entry(0x0445, "x"), Map.entry(0x043A, "k"),
            Map.entry(0x0456, "i"), Map.entry(0x0458, "j"), Map.entry(0x0455, "s"), Map.entry(0x0501, "d"),
            Map.entry(0x051B, "q"), Map.entry(0x051D, "w"), Map.entry(0x04BB, "h"), Map.entry(0x04CF, "l"),
            Map.entry(0x0475, "v"), Map.entry(0x0261, "g"),
            // Greek
            Map.entry(0x03B1, "a"), Map.entry(0x03BF, "o"), Map.entry(0x03C1, "p"), Map.entry(0x03BD, "v"),
            Map.entry(0x03B9, "i"), Map.entry(0x03BA, "k"), Map.entry(0x03C5, "u"), Map.entry(0x03C7, "x"),
            Map.entry(0x03B3, "y"),
            // Armenian
            Map.entry(0x0585, "o"), Map.entry(0x057D, "u"), Map.entry(0x0570, "h"), Map.entry(0x0578, "n"),
            Map.entry(0x0581, "g"), Map.entry(0x0584, "f"),
            // Latin look-alikes and digits
            Map.entry(0x0251, "a"), Map.entry(0x0131, "i"), Map.entry(0x0269, "i"), Map.entry(0x01C0, "l"),
            Map.entry((int) '0', "o"), Map.entry((int) '1', "l"), Map.entry((int) '|', "l"));
    private static final String[][] PAIRS = {{"rn", "m"}, {"vv", "w"}, {"cl", "d"}};

    private Confusables() {
    }

    static String skeleton(String label) {
        String decomposed = Normalizer.normalize(label.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.NON_SPACING_MARK || cp == '-' || cp == '_') {
                return;
            }
            String mapped = SINGLE.get(cp);
            if (mapped != null) {
                sb.append(mapped);
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString();
        for (String[] pair : PAIRS) {
            s = s.replace(pair[0], pair[1]);
        }
        return s;
    }
}
