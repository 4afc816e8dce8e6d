package dev.masq.mail.forward;

import dev.masq.mail.EmailAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * The {@code List-Unsubscribe} field (RFC 2369): angle-bracketed URIs, comma separated. A {@code mailto:}
 * URI would have the inbox's client write to the list from the real inbox, so each of its addresses
 * (RFC 6068: before the query and in its {@code to}/{@code cc}/{@code bcc} fields) goes behind its
 * reverse alias, the rest of the query kept; the unsubscribe then leaves through masq as the alias.
 * Any other URI, the one-click {@code https:} one that {@code List-Unsubscribe-Post} (RFC 8058) refers
 * to among them, stays as it is. A mailto URI with an address that has no reverse alias is dropped:
 * nothing may lead from the inbox to a real address.
 */
final class ListUnsubscribe {
    static final String NAME = "List-Unsubscribe";
    // Each address costs a reverse alias row, like a Cc entry: a field cannot have masq create many.
    private static final int MAX_ADDRESSES = 3;
    private static final Pattern URI = Pattern.compile("<([^>]*)>");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Set<String> ADDRESS_FIELDS = Set.of("to", "cc", "bcc");

    private ListUnsubscribe() {
    }

    /** The mailto addresses in a raw field value, each a plain address; junk left out. */
    static List<String> addresses(byte[] rawValue) {
        Set<String> out = new LinkedHashSet<>();
        for (String uri : uris(rawValue)) {
            mailto(uri).ifPresent(m -> m.addresses().forEach(a -> EmailAddress.parse(a).ifPresent(p -> out.add(p.toString()))));
        }
        return out.stream().limit(MAX_ADDRESSES).toList();
    }

    /** Whether the field needs rewriting at all: only one with a mailto URI does. */
    static boolean hasMailto(byte[] rawValue) {
        return uris(rawValue).stream().anyMatch(u -> mailto(u).isPresent());
    }

    /**
     * The field, {@code List-Unsubscribe: ...} with its line ending, with each mailto URI's addresses
     * replaced by their reverse aliases; empty when no URI is left.
     */
    static Optional<String> rewrite(byte[] rawValue, Map<String, String> reverseAddresses) {
        List<String> kept = new ArrayList<>();
        for (String uri : uris(rawValue)) {
            Optional<Mailto> m = mailto(uri);
            if (m.isEmpty()) {
                kept.add("<" + uri + ">");
                continue;
            }
            List<String> reverse = new ArrayList<>();
            for (String address : m.get().addresses()) {
                String r = EmailAddress.parse(address).map(a -> reverseAddresses.get(a.toString())).orElse(null);
                if (r == null) {
                    reverse = null;
                    break;
                }
                reverse.add(r);
            }
            if (reverse != null && !reverse.isEmpty()) {
                String query = m.get().otherFields().isEmpty() ? "" : "?" + String.join("&", m.get().otherFields());
                kept.add("<mailto:" + String.join(",", reverse) + query + ">");
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NAME + ": " + MimeUtil.fold(String.join(", ", kept), NAME.length() + 2) + "\r\n");
    }

    /** Each URI between angle brackets, with the white space of folding taken out (RFC 2369 §2). */
    private static List<String> uris(byte[] rawValue) {
        Matcher m = URI.matcher(new String(rawValue, StandardCharsets.ISO_8859_1));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            String uri = WHITE_SPACE.matcher(m.group(1)).replaceAll("");
            if (!uri.isEmpty()) {
                out.add(uri);
            }
        }
        return out;
    }

    /** A mailto URI split into its (decoded) addresses and its other query fields (kept encoded, in order). */
    private record Mailto(List<String> addresses, List<String> otherFields) {
    }

    private static Optional<Mailto> mailto(String uri) {
        if (!uri.regionMatches(true, 0, "mailto:", 0, 7)) {
            return Optional.empty();
        }
        String rest = uri.substring(7);
        int q = rest.indexOf('?');
        List<String> addresses = new ArrayList<>(split(q < 0 ? rest : rest.substring(0, q)));
        List<String> other = new ArrayList<>();
        if (q >= 0) {
            for (String field : rest.substring(q + 1).split("&")) {
                int eq = field.indexOf('=');
                String name = decode(eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (ADDRESS_FIELDS.contains(name)) {
                    addresses.addAll(split(eq < 0 ? "" : field.substring(eq + 1)));
                } else if (!field.isEmpty()) {
                    other.add(field);
                }
            }
        }
        return Optional.of(new Mailto(addresses, other));
    }

    private static List<String> split(String encodedList) {
        List<String> out = new ArrayList<>();
        for (String a : encodedList.split(",")) {
            String decoded = decode(a).strip();
            if (!decoded.isEmpty()) {
                out.add(decoded);
            }
        }
        return out;
    }

    /** Percent-decoding only: in a mailto URI a {@code +} is itself, not a space. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % is kept as written, and then fails to parse as an address
        }
    }
}
