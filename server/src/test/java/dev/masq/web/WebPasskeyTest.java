package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.account.Totp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/** Passkeys through Chromium's virtual authenticator: adding one, using it after the password and alone, and requiring it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPasskeyTest {

    @AutoClose
    TestMasq masq;
    @AutoClose
    Browser browser;
    VirtualAuthenticator authenticator;

    @BeforeAll
    void start(@TempDir Path dir) {
        masq = TestMasq.startEmpty(dir.resolve("data"), Map.of());
        browser = new Browser(masq.base(), dir.resolve("chromium"));
    }

    /** A fresh authenticator per test, so that passwordless sign-in never has to choose between several people's passkeys. */
    @BeforeEach
    void plugIn() {
        authenticator = browser.driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    }

    @AfterEach
    void unplug() {
        browser.driver.removeVirtualAuthenticator(authenticator);
        masq.serverSettings().setRequirePhishingResistant(false);
    }

    /** From the security page, behind the password asked again. */
    void addPasskey(String name) {
        browser.open("/security");
        browser.click("#passkey-add");
        browser.waitForPath("/reauth");
        browser.type("#password", PASSWORD);
        browser.click("main form button[type=submit]");
        browser.waitForPath("/security/passkeys/new");
        browser.type("#passkey-name", name);
        browser.click("#passkey-create");
        browser.waitForText("#message", "Passkey added");
    }

    @Test
    @Order(1)
    void registerAPasskeyThenSignInWithItAfterThePasswordAndWithoutAPassword() {
        String id = masq.user("keys@inbox.test", false);
        browser.signIn("keys@inbox.test", PASSWORD);
        browser.waitForPath("/");
        addPasskey("Laptop");
        assertThat(browser.text("#passkeys")).contains("Laptop");
        int registered = masq.db().read(ctx -> masq.passkeyRepository().count(ctx, id));
        assertThat(registered).isEqualTo(1);

        // After the password, the passkey is the second factor.
        browser.signIn("keys@inbox.test", PASSWORD);
        browser.waitForPath("/login/second-factor");
        browser.click("#passkey-verify");
        browser.waitForPath("/");

        // Without a password: the browser offers the discoverable passkey, which says who signs in.
        browser.signOut();
        browser.open("/login");
        browser.click("#passkey-sign-in");
        browser.waitForPath("/");
        browser.open("/settings");
        assertThat(browser.text("label[for=confirm]")).contains("keys@inbox.test");
    }

    @Test
    @Order(2)
    void aSignatureCounterThatGoesBackwardsIsRefused() {
        masq.user("clone@inbox.test", false);
        browser.signIn("clone@inbox.test", PASSWORD);
        browser.waitForPath("/");
        addPasskey("Phone");
        browser.signOut();
        browser.open("/login");
        browser.click("#passkey-sign-in");
        browser.waitForPath("/");

        // A copy of the key that has signed less often than the original: what a cloned authenticator looks like.
        List<Credential> held = authenticator.getCredentials();
        assertThat(held).hasSize(1);
        Credential original = held.getFirst();
        authenticator.removeAllCredentials();
        authenticator.addCredential(Credential.createResidentCredential(original.getId(), original.getRpId(),
                original.getPrivateKey(), original.getUserHandle(), 0));
        browser.signOut();
        browser.open("/login");
        browser.click("#passkey-sign-in");
        browser.waitForText("form[data-passkey] .passkey-error", "counter");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    @Order(3)
    void requiringPhishingResistantSignInRefusesCodesAndSendsThoseWithoutAPasskeyToAddOne() {
        String id = masq.user("strict@inbox.test", false);
        byte[] key = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        masq.db().writeVoid(ctx -> masq.credentialRepository().setTotp(ctx, id, key, null));
        masq.serverSettings().setRequirePhishingResistant(true);

        // Password and TOTP were enough before; now the password leads only to adding a passkey.
        browser.signIn("strict@inbox.test", PASSWORD);
        browser.waitForPath("/login/enrol");
        assertThat(browser.text("#passkey-required")).contains("requires phishing-resistant sign-in");
        browser.open("/");
        browser.waitForPath("/login/enrol");
        browser.type("#passkey-name", "Security key");
        browser.click("#passkey-create");
        browser.waitForPath("/");

        // With a passkey in place, the password leads to the passkey; the authenticator-app form is gone, and a code is refused.
        browser.signIn("strict@inbox.test", PASSWORD);
        browser.waitForPath("/login/second-factor");
        assertThat(browser.text("#passkey-required")).contains("codes from an authenticator app and recovery codes are not accepted");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.id("code"))).isEmpty();
        String code = Totp.code(key, Totp.step(Instant.now()));
        Object status = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector('input[name=_csrf]').value;
                fetch('/login/totp', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: '_csrf=' + encodeURIComponent(csrf) + '&code=' + arguments[0], redirect: 'manual'})
                  .then(r => done(r.status));""", code);
        assertThat(status).isEqualTo(403L);
        browser.click("#passkey-verify");
        browser.waitForPath("/");
    }
}
