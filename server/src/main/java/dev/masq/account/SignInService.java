package dev.masq.account;

import dev.masq.common.InvalidInputException;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Getting into an account: the first-run setup, invitations and password links, the password check, and the
 * second factors that follow it. Throttling belongs to the HTTP edge, which knows the client address.
 */
public final class SignInService {
    private static final Duration SETUP_TTL = Duration.ofDays(1);
    private static final Duration LINK_TTL = Duration.ofDays(7);

    private final Database db;
    private final AccountService accountService;
    private final AccountRepository accounts;
    private final CredentialRepository credentials;
    private final PasskeyRepository passkeys;
    private final LinkService links;
    private final ServerSettings settings;
    private final PasswordHasher hasher;
    private final Clock clock;

    public SignInService(Database db, AccountService accountService, AccountRepository accounts, CredentialRepository credentials,
                         PasskeyRepository passkeys, LinkService links, ServerSettings settings, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.accountService = accountService;
        this.accounts = accounts;
        this.credentials = credentials;
        this.passkeys = passkeys;
        this.links = links;
        this.settings = settings;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** While nobody has an account, a fresh setup token (earlier ones stop working); empty once someone has. */
    public Optional<String> firstRunToken() {
        return db.write(ctx -> {
            if (credentials.countUsers(ctx) > 0) {
                return Optional.empty();
            }
            links.revokeAll(ctx, OneTimeLink.Kind.SETUP);
            return Optional.of(links.issue(ctx, OneTimeLink.Kind.SETUP, null, null, SETUP_TTL));
        });
    }

    public String passwordLinkToken(String userId) {
        return links.issue(OneTimeLink.Kind.PASSWORD, userId, null, LINK_TTL);
    }

    public String inviteToken(String adminId) {
        return links.issue(OneTimeLink.Kind.INVITE, adminId, null, LINK_TTL);
    }

    public boolean linkValid(String token, OneTimeLink.Kind kind) {
        return links.peek(token, kind).isPresent();
    }

    /** Redeems a setup or invite link: creates the account (an admin for setup) with its password. Returns the user id. */
    public String createAccount(String token, OneTimeLink.Kind kind, String email, String password) {
        PasswordHasher.checkPolicy(password);
        String phc = hasher.hash(password);
        return db.write(ctx -> {
            links.redeem(ctx, token, kind).orElseThrow(SignInService::deadLink);
            if (kind == OneTimeLink.Kind.SETUP && credentials.countUsers(ctx) > 0) {
                throw deadLink();
            }
            User user;
            try {
                user = accountService.addUser(email, kind == OneTimeLink.Kind.SETUP);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("email", e.getMessage());
            }
            credentials.setPassword(ctx, user.id(), phc);
            return user.id();
        });
    }

    /** Redeems a password link (from {@code user add} or sign-up); returns whose password it set. */
    public String setPasswordByLink(String token, String password) {
        PasswordHasher.checkPolicy(password);
        String phc = hasher.hash(password);
        return db.write(ctx -> {
            OneTimeLink link = links.redeem(ctx, token, OneTimeLink.Kind.PASSWORD).orElseThrow(SignInService::deadLink);
            credentials.setPassword(ctx, link.userId(), phc);
            // Signing up mails this link to the new inbox: following it proves the inbox.
            accounts.defaultMailbox(ctx, link.userId()).ifPresent(m -> accounts.setVerified(ctx, m.id()));
            return link.userId();
        });
    }

    /** The user whose email and password these are. Unknown emails cost the same time as wrong passwords. */
    public Optional<String> checkPassword(String email, String password) {
        Optional<Credentials> user = email == null ? Optional.empty()
                : db.read(ctx -> accounts.findUserByLogin(ctx, email.strip()).flatMap(u -> credentials.user(ctx, u.id())));
        boolean ok = hasher.verify(password, user.map(Credentials::passwordHash).orElse(null));
        return ok ? user.map(Credentials::userId) : Optional.empty();
    }

    public boolean checkPasswordOf(String userId, String password) {
        String phc = db.read(ctx -> credentials.user(ctx, userId)).map(Credentials::passwordHash).orElse(null);
        return hasher.verify(password, phc);
    }

    public void changePassword(String userId, String password) {
        PasswordHasher.checkPolicy(password);
        String phc = hasher.hash(password);
        db.writeVoid(ctx -> credentials.setPassword(ctx, userId, phc));
    }

    /** Where a correct password leads: straight in, to a second factor, or (when passkeys are required and missing) to adding one. */
    public WebSession.Stage stageAfterPassword(String userId) {
        boolean hasPasskey = db.read(ctx -> passkeys.count(ctx, userId)) > 0;
        if (settings.requirePhishingResistant()) {
            return hasPasskey ? WebSession.Stage.SECOND_FACTOR : WebSession.Stage.ENROL;
        }
        boolean hasTotp = db.read(ctx -> credentials.user(ctx, userId)).map(Credentials::hasTotp).orElse(false);
        return hasPasskey || hasTotp ? WebSession.Stage.SECOND_FACTOR : WebSession.Stage.FULL;
    }

    /** Accepts a TOTP code once: the same code (or an older one) fails the second time. */
    public boolean verifyTotp(String userId, String code) {
        Optional<byte[]> secret = db.read(ctx -> credentials.totpSecret(ctx, userId));
        if (secret.isEmpty() || settings.requirePhishingResistant()) {
            return false;
        }
        var step = Totp.match(secret.get(), code, clock.instant());
        return step.isPresent() && db.write(ctx -> credentials.useTotpStep(ctx, userId, step.getAsLong()));
    }

    public boolean useRecoveryCode(String userId, String code) {
        if (code == null || settings.requirePhishingResistant()) {
            return false;
        }
        String normalised = RecoveryCodes.normalise(code);
        return db.write(ctx -> credentials.useRecoveryCode(ctx, userId, normalised));
    }

    /** Which second factors this person can present now (only passkeys while phishing-resistant sign-in is required). */
    public Factors factors(String userId) {
        boolean phishingResistant = settings.requirePhishingResistant();
        return db.read(ctx -> {
            boolean totp = credentials.user(ctx, userId).map(Credentials::hasTotp).orElse(false);
            boolean recovery = credentials.recoveryCodesLeft(ctx, userId) > 0;
            return new Factors(totp && !phishingResistant, passkeys.count(ctx, userId) > 0, recovery && !phishingResistant,
                    phishingResistant);
        });
    }

    /** {@code passkeyRequired}: the server takes nothing but a passkey, whatever else this person has set up. */
    public record Factors(boolean totp, boolean passkey, boolean recovery, boolean passkeyRequired) {
    }

    public Profile profile(String userId) {
        return db.read(ctx -> credentials.user(ctx, userId).map(u -> new Profile(u.userId(),
                accounts.defaultMailbox(ctx, u.userId()).map(Mailbox::address).orElse(""),
                u.admin(), u.hasTotp(), u.defaultDomain(), u.defaultMode(), u.notifyLeaks())))
                .orElseThrow(() -> new dev.masq.common.NotFoundException("no user " + userId));
    }

    /** The defaults the create form starts from; the domain must be one of this server's, the mode words or random. */
    public void saveDefaults(String userId, String domain, String mode, List<String> domains) {
        if (domain != null && !domains.contains(domain)) {
            throw new InvalidInputException("domain", "not an alias domain of this server: " + domain);
        }
        if (mode != null && !List.of("words", "random").contains(mode)) {
            throw new InvalidInputException("mode", "the mode is words or random");
        }
        db.writeVoid(ctx -> credentials.setDefaults(ctx, userId, domain, mode));
    }

    public void saveNotifications(String userId, boolean leaks) {
        db.writeVoid(ctx -> credentials.setNotifyLeaks(ctx, userId, leaks));
    }

    private static InvalidInputException deadLink() {
        return new InvalidInputException("token", "this link has expired or was already used");
    }
}
