package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.account.Mailbox;
import dev.masq.alias.NewAlias;
import dev.masq.testing.DownstreamSmtpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Joining (invitation, open sign-up) and more inboxes, with the mailed links received by a real downstream SMTP server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAccountsTest {
    static final Pattern LINK = Pattern.compile("(http://\\S+/(?:password|inboxes/verify)/\\S+)");

    @AutoClose
    DownstreamSmtpServer downstream;
    @AutoClose
    TestMasq masq;
    @AutoClose
    Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        downstream = DownstreamSmtpServer.start();
        masq = TestMasq.startEmpty(dir.resolve("data"), Map.of("MASQ_RELAY", downstream.hostPort(), "MASQ_DELIVERY_STARTTLS", "false"));
        browser = new Browser(masq.base(), dir.resolve("chromium"));
        String admin = masq.user("admin@inbox.test", true);
    }

    void signIn(String email) {
        browser.signIn(email, PASSWORD);
        browser.waitForPath("/");
    }

    /** The link in the mail masq sent to {@code to}, its quoted-printable undone. */
    String mailedLink(String to) {
        DownstreamSmtpServer.Received mail = await().atMost(Duration.ofSeconds(20)).until(
                () -> downstream.received().stream().filter(m -> m.recipients().contains(to)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(mail.mailFrom()).isEmpty();
        Matcher link = LINK.matcher(mail.readable());
        assertThat(link.find()).as(mail.readable()).isTrue();
        return link.group(1);
    }

    @Test
    @Order(1)
    void anAdminsInvitationLinkCreatesAnAccountOnce() {
        signIn("admin@inbox.test");
        browser.click("a[href='/admin']");
        browser.click("#create-invite");
        String link = browser.text("#invite-link");
        assertThat(link).startsWith(masq.base() + "/invite/");

        browser.signOut();
        browser.driver.get(link);
        browser.type("#email", "guest@inbox.test");
        browser.type("#password", PASSWORD);
        browser.click("form button[type=submit]");
        browser.waitForPath("/");
        String guest = masq.accounts().findByEmail("guest@inbox.test").orElseThrow().id();
        assertThat(masq.signIn().profile(guest).admin()).isFalse();
        // Not an administrator: no admin link, and the page refuses.
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("a[href='/admin']"))).isEmpty();
        browser.open("/admin");
        assertThat(browser.text(".error")).contains("for administrators");

        browser.driver.get(link);
        assertThat(browser.text(".error")).contains("expired or was already used");
    }

    @Test
    @Order(2)
    void openSignUpIsOffUntilAnAdminTurnsItOnThenTheMailedLinkFinishesIt() {
        browser.signOut();
        browser.open("/signup");
        assertThat(browser.text("#signup-closed")).contains("Sign-up is closed");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.id("email"))).isEmpty();

        signIn("admin@inbox.test");
        browser.open("/admin");
        browser.click("#open-sign-up");
        browser.click("#save-server-settings");
        browser.waitForText("#message", "Saved");
        assertThat(masq.serverSettings().openSignUp()).isTrue();

        browser.signOut();
        browser.open("/signup");
        browser.type("#email", "newcomer@inbox.test");
        browser.click("form[action='/signup'] button[type=submit]");
        browser.waitForText("#message", "Check your inbox");
        // Until the inbox proves itself, the account has no password and its inbox is unconfirmed (made after the answer).
        String id = await().until(() -> masq.accounts().findByEmail("newcomer@inbox.test"), java.util.Optional::isPresent)
                .orElseThrow().id();
        assertThat(masq.inboxes().list(id)).extracting(Mailbox::verified).containsExactly(false);

        browser.driver.get(mailedLink("newcomer@inbox.test"));
        browser.type("#password", PASSWORD);
        browser.click("form button[type=submit]");
        browser.waitForPath("/login");
        assertThat(masq.inboxes().list(id)).extracting(Mailbox::verified).containsExactly(true);
        signIn("newcomer@inbox.test");
    }

    @Test
    @Order(3)
    void addAnInboxConfirmItThroughTheMailedLinkAndChooseItForAnAlias() {
        String id = masq.user("first@inbox.test", false);
        var alias = masq.aliases().create(id, new NewAlias(null, null, null, "Shop", null, null));
        signIn("first@inbox.test");
        browser.open("/settings");
        browser.type("#inbox-address", "second@inbox.test");
        browser.click("#add-inbox button[type=submit]");
        browser.waitForText("#message", "We mailed a link");
        assertThat(browser.text("tr[data-inbox='second@inbox.test']")).contains("waiting for confirmation");

        // Opening the link changes nothing by itself (mail scanners open links); the button confirms.
        browser.driver.get(mailedLink("second@inbox.test"));
        assertThat(browser.text("#inbox-address")).isEqualTo("second@inbox.test");
        assertThat(masq.inboxes().list(id)).filteredOn(Mailbox::verified).hasSize(1);
        browser.click("#confirm-inbox");
        browser.waitForText("#message", "Confirmed");
        Mailbox second = masq.inboxes().list(id).stream().filter(b -> !b.isDefault()).findFirst().orElseThrow();
        assertThat(second.verified()).isTrue();

        browser.open("/aliases/" + alias.id());
        browser.click("#alias-inboxes input[value='" + second.id() + "']");
        browser.click("#save-inboxes");
        browser.waitForText("#message", "Saved");
        Mailbox first = masq.inboxes().list(id).stream().filter(Mailbox::isDefault).findFirst().orElseThrow();
        java.util.List<String> forwardedTo = masq.db().read(ctx -> masq.aliasRepository().mailboxIds(ctx, alias.id()));
        assertThat(forwardedTo).containsExactlyInAnyOrder(first.id(), second.id());

        browser.open("/settings");
        browser.click("#notify-leaks");
        browser.click("#save-notifications");
        browser.waitForText("#message", "Saved");
        assertThat(masq.signIn().profile(id).notifyLeaks()).isFalse();
    }
}
