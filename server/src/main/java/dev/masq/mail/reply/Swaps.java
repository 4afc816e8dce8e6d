package dev.masq.mail.reply;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address swaps of an outgoing message: each of the owner's real inboxes becomes the alias,
 * each reverse alias becomes the contact behind it. Matching ignores case and word
 * boundaries, so no spelling of an inbox address survives. Reverse aliases are looked up on first
 * sight; one that is not ours to resolve stays as it is (it reveals nothing).
 */
final class Swaps {
    private final Map<String, String> fixed;
    private final Function<String, Optional<String>> reverseLookup;
    private final Map<String, String> looked = new HashMap<>();
    private final Pattern pattern;

    /**
     * @param inboxes       the owner's real addresses, each to be replaced by {@code alias}
     * @param domains       our alias domains, where reverse aliases live
     * @param reverseLookup the contact behind a reverse alias address (lower case)
     */
    Swaps(Set<String> inboxes, String alias, Set<String> domains, Function<String, Optional<String>> reverseLookup) {
        this.fixed = inboxes.stream().collect(Collectors.toMap(a -> a.toLowerCase(Locale.ROOT), a -> alias, (a, b) -> a));
        this.reverseLookup = reverseLookup;
        String literal = fixed.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        String reverse = "reply\\+[a-z2-7]{20}@(?:" + domains.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")";
        this.pattern = Pattern.compile(literal.isEmpty() ? reverse : literal + "|" + reverse, Pattern.CASE_INSENSITIVE);
    }

    /** Every address in {@code text} swapped. */
    String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(swap(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What a whole address becomes: unchanged if it is neither an inbox nor a known reverse alias. */
    String address(String address) {
        return apply(address);
    }

    /** The contact if {@code address} is a reverse alias we resolved. */
    Optional<String> contactBehind(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        return fixed.containsKey(key) ? Optional.empty() : Optional.ofNullable(lookup(key)).filter(c -> !c.equals(key));
    }

    private String swap(String match) {
        String key = match.toLowerCase(Locale.ROOT);
        String inbox = fixed.get(key);
        return inbox != null ? inbox : lookup(key);
    }

    private String lookup(String key) {
        return looked.computeIfAbsent(key, k -> reverseLookup.apply(k).orElse(k));
    }
}
