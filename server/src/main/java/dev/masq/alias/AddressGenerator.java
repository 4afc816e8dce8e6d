package dev.masq.alias;

import dev.masq.common.InvalidInputException;
import dev.masq.crypto.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Makes new alias local parts. Generated and custom ones never contain '+', which masq keeps for its own addresses. */
public final class AddressGenerator {
    private static final Pattern CUSTOM = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{1,62}[a-z0-9])");
    private static final Set<String> RESERVED = Set.of(
            "postmaster", "abuse", "hostmaster", "webmaster", "admin", "administrator", "root", "mailer-daemon",
            "noreply", "no-reply", "security", "support", "masq", "bounce", "bounces");
    private final List<String> words;

    public AddressGenerator() {
        try (var in = AddressGenerator.class.getResourceAsStream("/words.txt")) {
            this.words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(w -> !w.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two words and three digits: {@code amber.otter417}, about 2^27 choices from the built-in list. */
    public String words() {
        return words.get(Tokens.randomInt(words.size())) + "." + words.get(Tokens.randomInt(words.size()))
                + String.format("%03d", Tokens.randomInt(1000));
    }

    /** Twelve random characters (60 bits). */
    public String random() {
        return Tokens.randomBase32(12);
    }

    public String custom(String localPart) {
        if (localPart == null || localPart.isBlank()) {
            throw new InvalidInputException("local_part", "a custom alias needs a local_part");
        }
        String lp = localPart.trim().toLowerCase(Locale.ROOT);
        if (!CUSTOM.matcher(lp).matches() || lp.contains("..")) {
            throw new InvalidInputException("local_part",
                    "use 3 to 64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit");
        }
        if (RESERVED.contains(lp)) {
            throw new InvalidInputException("local_part", "'" + lp + "' is reserved");
        }
        return lp;
    }
}
