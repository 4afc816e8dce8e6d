package dev.masq.mail.submission;

import dev.masq.config.SendingSettings;
import dev.masq.crypto.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate of the submission ports: the operator's ({@code MASQ_TLS_CERT} / {@code MASQ_TLS_KEY}),
 * or else a self-signed one made on first start and kept in the data dir, good for trying masq out;
 * mail clients will ask to trust it.
 */
public final class SubmissionTls {
    private static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(825);

    private SubmissionTls() {
    }

    public static SSLContext context(SendingSettings settings, Path dataDir, String hostname) {
        Path cert = settings.tlsCert().orElse(dataDir.resolve("submission-cert.pem"));
        Path key = settings.tlsKey().orElse(dataDir.resolve("submission-key.pem"));
        if (settings.tlsCert().isEmpty() && !Files.exists(cert)) {
            selfSigned(hostname, cert, key);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("submission", Pem.privateKey(key), none, Pem.certificates(cert));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot use the certificate " + cert + " with the key " + key, e);
        }
    }

    private static void selfSigned(String hostname, Path cert, Path key) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=" + hostname);
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new java.security.SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(SELF_SIGNED_VALIDITY)), name, pair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, hostname)))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            Files.createDirectories(key.toAbsolutePath().getParent());
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // PKCS#8: BC's default for an EC key is SEC1 without its curve, which no one reads back.
            write(key, new JcaPKCS8Generator(pair.getPrivate(), null));
            write(cert, holder);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-signed certificate to " + cert, e);
        }
    }

    private static void write(Path file, Object pem) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pem);
        }
    }
}
