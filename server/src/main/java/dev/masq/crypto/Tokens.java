package dev.masq.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers, secrets and their digests. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Tokens() {
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Lower-case base32 of {@code chars * 5} random bits: safe in ids, URLs and email local parts. */
    public static String randomBase32(int chars) {
        // One draw for all characters: the shared generator is behind a lock, and ids are made per message.
        byte[] random = randomBytes(chars);
        char[] out = new char[chars];
        for (int i = 0; i < chars; i++) {
            out[i] = BASE32[random[i] & 31];
        }
        return new String(out);
    }

    /** An opaque id such as {@code al_k3x9...}: 80 random bits, never sequential. */
    public static String newId(String prefix) {
        return prefix + "_" + randomBase32(16);
    }

    /**
     * An id like {@link #newId} that sorts by creation time: rows inserted one after another then land
     * side by side in their primary-key index, so a group commit writes a few index pages for all of
     * them instead of one random page each. For rows made per message (deliveries, events, reverse
     * aliases); still 80 random bits, so no more guessable.
     */
    public static String newOrderedId(String prefix) {
        String millis = Long.toHexString(System.currentTimeMillis());
        return prefix + "_" + "0".repeat(Math.max(0, 11 - millis.length())) + millis + randomBase32(16);
    }

    /** A bearer secret with 256 random bits. */
    public static String newSecret(String prefix) {
        return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /**
     * A bearer secret of 260 random bits in letters and digits only, 54 characters: addy.io's clients refuse a key
     * with any other character or outside 40 to 60 characters, and masq's API keys must work there too.
     */
    public static String newAlphanumericSecret(String prefix) {
        return prefix + randomBase32(52);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base32(byte[] bytes, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        int i = 0;
        while (sb.length() < chars) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[i++] & 0xff);
                bits += 8;
            }
            sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return sb.toString();
    }

    public static int randomInt(int bound) {
        return RANDOM.nextInt(bound);
    }
}
