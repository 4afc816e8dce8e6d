package dev.masq.domain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** A domain's own DKIM key: 2048-bit RSA, the public half as the record's {@code p=}, the private half as PKCS#8. */
record DkimKeyPair(String publicKey, byte[] privateKey) {

    static DkimKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DkimKeyPair(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a DKIM key", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored DKIM key does not parse", e);
        }
    }
}
