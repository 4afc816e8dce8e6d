package dev.masq.account;

/** One user's stored sign-in facts and settings as {@link CredentialRepository} reads them; the TOTP key stays encrypted. */
public record Credentials(String userId, String passwordHash, boolean hasTotp, boolean admin, String defaultDomain,
                          String defaultMode, boolean notifyLeaks) {
}
