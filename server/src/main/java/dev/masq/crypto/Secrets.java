package dev.masq.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption and keyed hashing of personal data. The master key never enters the database:
 * it comes from {@code MASQ_KEY} or from a 0600 key file in the data directory, created on first start.
 */
public final class Secrets {
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int POOLED_CIPHERS = 32;

    private final SecretKeySpec encryptionKey;
    // Cipher.getInstance and Mac.getInstance walk the provider list, several times per message on the
    // mail path. A Cipher is not thread-safe, so idle ones wait in a pool (each use initialises it with
    // its own nonce); a Mac is cloned from one keyed per purpose.
    private final BlockingQueue<Cipher> ciphers = new ArrayBlockingQueue<>(POOLED_CIPHERS);
    private final Mac hmacPrototype;
    private final Mac signingPrototype;

    public Secrets(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("master key must be at least 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "masq-encryption"), "AES");
        this.hmacPrototype = newMac(new SecretKeySpec(derive(masterKey, "masq-lookup"), "HmacSHA256"));
        this.signingPrototype = newMac(new SecretKeySpec(derive(masterKey, "masq-signing"), "HmacSHA256"));
    }

    public static Secrets fromKeyFileOrEnv(Path dataDir, java.util.Optional<String> base64Key) {
        if (base64Key.isPresent()) {
            return new Secrets(Base64.getDecoder().decode(base64Key.get()));
        }
        return new Secrets(loadOrCreateKeyFile(dataDir.resolve("masq.key")));
    }

    static byte[] loadOrCreateKeyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = Tokens.randomBytes(32);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.WRITE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key file " + file, e);
        }
    }

    public byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            ciphers.offer(cipher);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] decrypt(byte[] box) {
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, box, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
            // Only a cipher that finished cleanly goes back; one that failed is left to the collector.
            ciphers.offer(cipher);
            return plain;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ciphertext does not match the key", e);
        }
    }

    /** A pooled cipher, or a new one when all are in use (offer drops it again when the pool is full). */
    private Cipher cipher() throws GeneralSecurityException {
        Cipher pooled = ciphers.poll();
        return pooled != null ? pooled : Cipher.getInstance(AES_GCM);
    }

    public byte[] encryptText(String plain) {
        return encrypt(plain.getBytes(StandardCharsets.UTF_8));
    }

    public String decryptText(byte[] box) {
        return new String(decrypt(box), StandardCharsets.UTF_8);
    }

    /** Keyed hash of an email address (case-folded) for lookups that must not reveal the address. */
    public byte[] lookupHash(String address) {
        return mac(hmacPrototype, address.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** Signature for tokens we hand out and later verify (VERP addresses, action links). */
    public byte[] sign(String message) {
        return mac(signingPrototype, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] derive(byte[] master, String purpose) {
        return newMac(new SecretKeySpec(master, "HmacSHA256")).doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mac(Mac prototype, byte[] data) {
        try {
            return ((Mac) prototype.clone()).doFinal(data);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 of this provider cannot be cloned", e);
        }
    }
}
