package dev.masq.mail.forward;

import org.apache.james.mime4j.codec.EncoderUtil;

/**
 * Formats {@code "Jane Doe - jane at vendor.com" <reply+...@alias-domain>}: the inbox still sees
 * who wrote, replies go to the reverse alias. The display name comes from the sender and is hostile
 * until cleaned: control and format characters (including CR/LF decoded from encoded-words) become
 * spaces, and mime4j quotes or RFC 2047-encodes what is left.
 */
final class ContactMailbox {
    private static final int MAX_NAME_CODE_POINTS = 80;

    private ContactMailbox() {
    }

    static String format(NamedAddress who, String reverseAddress) {
        String shown = who.address().replace("@", " at ");
        String name = clean(who.name());
        String display = name.isEmpty() || name.equalsIgnoreCase(who.address()) ? shown : name + " - " + shown;
        return EncoderUtil.encodeAddressDisplayName(display) + " <" + reverseAddress + ">";
    }

    /** The mailbox for a message that names no sender at all: replies go back to the alias itself. */
    static String unknown(String aliasAddress) {
        return "\"unknown sender\" <" + aliasAddress + ">";
    }

    static String clean(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(name.length(), MAX_NAME_CODE_POINTS * 2));
        int kept = 0;
        boolean space = false;
        for (int i = 0; i < name.length() && kept < MAX_NAME_CODE_POINTS; ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || !visible(cp)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.appendCodePoint(cp);
            kept++;
        }
        return sb.toString();
    }

    /** False for controls, bidi overrides and other invisible format characters, separators, lone surrogates. */
    private static boolean visible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
