package dev.masq.account;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * WebAuthn ceremonies with webauthn4j: adding a passkey, and proving one (after the password, or alone). Each
 * challenge is random, bound to one browser (its session or pre-login cookie) and ceremony, answers one response,
 * and expires in minutes. Responses must come from this server's origin and name its host as relying party.
 */
public final class PasskeyService {
    public enum Ceremony { REGISTER, SECOND_FACTOR, SIGN_IN }
    private static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final Database db;
    private final PasskeyRepository passkeys;
    private final ChallengeRepository challenges;
    private final ServerSettings settings;
    private final Clock clock;
    private final Supplier<URI> site;
    // Attestation is not requested (see WebAuthnOptions), so there is no statement whose trust needs checking.
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentialData = new AttestedCredentialDataConverter(new ObjectConverter());

    /** {@code site} is the public base URL, known only once the HTTP port is bound. */
    public PasskeyService(Database db, PasskeyRepository passkeys, ChallengeRepository challenges, ServerSettings settings,
                          Clock clock, Supplier<URI> site) {
        this.db = db;
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.settings = settings;
        this.clock = clock;
        this.site = site;
    }

    public record Passkey(String id, String name, Instant createdAt, Instant lastUsedAt) { }

    public Map<String, Object> registrationOptions(String binding, String userId, String userName) {
        byte[] challenge = issue(binding, Ceremony.REGISTER, userId);
        List<byte[]> existing = db.read(ctx -> passkeys.ofUser(ctx, userId)).stream().map(PasskeyRepository.Row::credentialId).toList();
        return WebAuthnOptions.creation(site.get().getHost(), challenge, userId, userName, existing);
    }

    /** Verifies the browser's answer to {@link #registrationOptions} and keeps the new credential's public key. */
    public void register(String binding, String userId, String name, String responseJson) {
        byte[] challenge = take(binding, Ceremony.REGISTER, userId);
        RegistrationData data;
        try {
            data = webAuthn.verifyRegistrationResponseJSON(responseJson,
                    new RegistrationParameters(serverProperty(challenge), ALGORITHMS, false, true));
        } catch (RuntimeException e) {
            throw refused(e);
        }
        var authenticatorData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticatorData.getAttestedCredentialData();
        String label = name == null || name.isBlank() ? "Passkey" : name.strip().substring(0, Math.min(60, name.strip().length()));
        PasskeyRepository.Row row = new PasskeyRepository.Row(credential.getCredentialId(), userId, label,
                credentialData.convert(credential), authenticatorData.getSignCount(), clock.instant(), null);
        db.writeVoid(ctx -> {
            if (passkeys.find(ctx, row.credentialId()).isPresent()) {
                throw new InvalidInputException("passkey", "this passkey is already registered");
            }
            passkeys.insert(ctx, row);
        });
    }

    /** Options to prove a passkey: one of {@code userId}'s after the password, or any (discoverable) one when null. */
    public Map<String, Object> assertionOptions(String binding, Ceremony ceremony, String userId) {
        byte[] challenge = issue(binding, ceremony, userId);
        List<byte[]> allowed = userId == null ? List.of()
                : db.read(ctx -> passkeys.ofUser(ctx, userId)).stream().map(PasskeyRepository.Row::credentialId).toList();
        return WebAuthnOptions.request(site.get().getHost(), challenge, allowed, ceremony == Ceremony.SIGN_IN);
    }

    /**
     * Checks an assertion and returns whose passkey made it. Signing in without a password needs the authenticator
     * to have verified the person (PIN, biometrics); as the factor after a password, their presence is enough.
     */
    public String verifyAssertion(String binding, Ceremony ceremony, String userId, String responseJson) {
        byte[] challenge = take(binding, ceremony, userId);
        AuthenticationData response;
        try {
            response = webAuthn.parseAuthenticationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            throw refused(e);
        }
        PasskeyRepository.Row row = db.read(ctx -> passkeys.find(ctx, response.getCredentialId()))
                .filter(r -> userId == null || r.userId().equals(userId))
                .filter(r -> response.getUserHandle() == null
                        || Arrays.equals(response.getUserHandle(), r.userId().getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(() -> new InvalidInputException("passkey", "this passkey is not registered here"));
        AttestedCredentialData credential = credentialData.convert(row.credentialData());
        var record = new CredentialRecordImpl(null, null, null, null, row.signCount(), credential, null, null, null, null);
        try {
            webAuthn.verify(response, new AuthenticationParameters(serverProperty(challenge), record, null,
                    ceremony == Ceremony.SIGN_IN, true));
        } catch (RuntimeException e) {
            throw refused(e);
        }
        long count = response.getAuthenticatorData().getSignCount();
        // WebAuthn §7.2 step 21: a counter that does not move forward (unless the authenticator keeps none) hints at a clone.
        if ((count != 0 || row.signCount() != 0) && count <= row.signCount()) {
            throw new InvalidInputException("passkey", "this passkey's signature counter went backwards; it may have been copied");
        }
        if (!db.write(ctx -> passkeys.used(ctx, row.credentialId(), row.signCount(), count, clock.instant()))) {
            throw new InvalidInputException("passkey", "this passkey was used at the same moment elsewhere; try again");
        }
        return row.userId();
    }

    public List<Passkey> list(String userId) {
        return db.read(ctx -> passkeys.ofUser(ctx, userId)).stream()
                .map(r -> new Passkey(WebAuthnOptions.b64(r.credentialId()), r.name(), r.createdAt(), r.lastUsedAt())).toList();
    }

    /** Removes a passkey, unless it is the last one while the server requires passkeys (that would lock the person out). */
    public void remove(String userId, String id) {
        byte[] credentialId;
        try {
            credentialId = Base64.getUrlDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no passkey " + id);
        }
        boolean required = settings.requirePhishingResistant();
        db.writeVoid(ctx -> {
            if (required && passkeys.count(ctx, userId) <= 1) {
                throw new InvalidInputException("passkey", "this server requires a passkey: add another before removing your last one");
            }
            if (!passkeys.delete(ctx, userId, credentialId)) {
                throw new NotFoundException("no passkey " + id);
            }
        });
    }

    private byte[] issue(String binding, Ceremony ceremony, String userId) {
        byte[] challenge = Tokens.randomBytes(32);
        Instant now = clock.instant();
        db.writeVoid(ctx -> {
            challenges.deleteExpired(ctx, now);
            challenges.put(ctx, key(binding, ceremony), new ChallengeRepository.Pending(challenge, userId, now.plus(CHALLENGE_TTL)));
        });
        return challenge;
    }

    private byte[] take(String binding, Ceremony ceremony, String userId) {
        return db.write(ctx -> challenges.take(ctx, key(binding, ceremony)))
                .filter(p -> p.expiresAt().isAfter(clock.instant()))
                .filter(p -> p.userId() == null ? userId == null : p.userId().equals(userId))
                .map(ChallengeRepository.Pending::challenge)
                .orElseThrow(() -> new InvalidInputException("passkey", "the passkey request expired or was already answered; try again"));
    }

    private static byte[] key(String binding, Ceremony ceremony) {
        return Tokens.sha256(ceremony.name() + ":" + binding);
    }

    private ServerProperty serverProperty(byte[] challenge) {
        URI uri = site.get();
        return ServerProperty.builder().origin(Origin.create(uri.getScheme() + "://" + uri.getAuthority())).rpId(uri.getHost())
                .challenge(new DefaultChallenge(challenge)).build();
    }

    private static InvalidInputException refused(RuntimeException e) {
        return new InvalidInputException("passkey", "the passkey response was not accepted: " + e.getMessage());
    }
}
