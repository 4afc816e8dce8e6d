package dev.masq.account;

import dev.masq.common.InvalidInputException;
import dev.masq.crypto.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id password hashes in the PHC string format, at OWASP's minimum cost (19 MiB, 2 passes, 1 lane). */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final int MEMORY_KIB = 19456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    // Checking a password against this costs as much as checking a real one, so "no such user" takes as long as "wrong password".
    private final String decoy = hash("decoy password that matches nothing");

    /** Throws when {@code password} is too short or too long to accept as a new password. */
    public static void checkPolicy(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInputException("password", "use at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException("password", "use at most " + MAX_LENGTH + " characters");
        }
    }

    public String hash(String password) {
        byte[] salt = Tokens.randomBytes(16);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code phc}; a null {@code phc} (no such user, no password yet) never matches but costs the same. */
    public boolean verify(String password, String phc) {
        if (password == null || password.length() > MAX_LENGTH * 4) {
            return false;
        }
        boolean real = phc != null;
        String[] parts = (real ? phc : decoy).split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        String[] cost = parts[3].split(",");
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, salt, value(cost[0]), value(cost[1]), value(cost[2]));
        return MessageDigest.isEqual(expected, actual) && real;
    }

    private static int value(String kv) {
        return Integer.parseInt(kv.substring(kv.indexOf('=') + 1));
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[HASH_BYTES];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
