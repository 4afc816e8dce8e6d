package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static dev.masq.testing.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.NewAlias;
import dev.masq.mail.forward.Contact;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestDns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** Replying from the web pages: write to someone from an alias, block a contact, app passwords for mail clients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebRepliesTest {
    static final String EMAIL = "writer@inbox.test";
    static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";

    @AutoClose
    TestDns dns;
    @AutoClose
    TestMasq masq;
    @AutoClose
    Browser browser;
    String userId;
    Alias shop;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // Leak detection asks DNS for every message: a test DNS that knows nothing answers at once.
        dns = TestDns.start();
        masq = TestMasq.startEmpty(dir.resolve("data"), Map.of("MASQ_DNS", dns.hostPort(), "MASQ_DELIVERY_CONCURRENCY", "0"));
        browser = new Browser(masq.base(), dir.resolve("chromium"));
        userId = masq.user(EMAIL, false);
        shop = masq.aliases().create(userId,
                new NewAlias(NewAlias.AddressMode.CUSTOM, "shop", null, "Acme Shop", "https://acme-shop.com", null));
        receive("jane@acme-shop.com", "From: Jane Doe <jane@acme-shop.com>\r\nTo: shop@mask.test\r\nSubject: Your order\r\n\r\nShipped.\r\n");
        receive("o'neil&co@deals.example", "From: \"" + HOSTILE.replace("\"", "'") + "\" <o'neil&co@deals.example>\r\n"
                + "To: shop@mask.test\r\nSubject: Deals\r\n\r\nBuy.\r\n");
        browser.signIn(EMAIL, PASSWORD);
        browser.waitForPath("/");
    }

    @Test
    @Order(1)
    void writeToSomeoneShowsTheReverseAliasToSendToAndItsContact() {
        browser.open("/aliases/" + shop.id());
        browser.type("#write-to-address", "shop@mask.test");
        browser.click("#write-to button[type=submit]");
        browser.waitForText("#write-to-error", "address of this server");
        browser.type("#write-to-address", "Writer@Inbox.TEST");
        browser.click("#write-to button[type=submit]");
        browser.waitForText("#write-to-error", "one of your own inboxes");
        assertThat(masq.contacts().list(userId, shop.id())).extracting(Contact::address).doesNotContain(EMAIL);

        browser.type("#write-to-address", "Sales@Vendor.example");
        browser.click("#write-to button[type=submit]");
        String reverse = browser.text("#reverse-alias");
        assertThat(reverse).matches("reply\\+[a-z2-7]{20}@mask\\.test");
        assertThat(browser.find("#write-to button[data-copy]").getAttribute("data-copy")).isEqualTo(reverse);
        assertThat(contact("sales@vendor.example").reverseAlias()).isEqualTo(reverse);
        assertThat(browser.text("#contacts")).contains("sales@vendor.example").contains(reverse)
                .contains("jane@acme-shop.com");
        assertThat(browser.text("#timeline")).contains("forwarded").contains("acme-shop.com").contains("deals.example");
        browser.screenshot("alias-page");
    }

    @Test
    @Order(2)
    void aHostileContactIsShownAsText() {
        browser.open("/aliases/" + shop.id());
        Contact hostile = contact("o'neil&co@deals.example");
        assertThat(browser.text("tr[data-contact='" + hostile.id() + "'] td")).isEqualTo("o'neil&co@deals.example");
        assertThat(browser.driver.findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(browser.driver.getTitle()).doesNotContain("pwned");
    }

    @Test
    @Order(3)
    void blockingAContactRefusesTheirMailAndUnblockingTakesItAgain() {
        Contact jane = contact("jane@acme-shop.com");
        browser.open("/aliases/" + shop.id());
        browser.click("tr[data-contact='" + jane.id() + "'] button.danger");
        browser.waitForText("tr[data-contact='" + jane.id() + "']", "blocked");
        assertThat(contact("jane@acme-shop.com").blocked()).isTrue();
        assertThat(rcptFrom("jane@acme-shop.com").text()).startsWith("550 5.7.1");

        browser.click("tr[data-contact='" + jane.id() + "'] button.secondary");
        browser.waitForText("tr[data-contact='" + jane.id() + "'] button", "Block jane@acme-shop.com");
        assertThat(rcptFrom("jane@acme-shop.com").code()).isEqualTo(250);
    }

    @Test
    @Order(4)
    void anAppPasswordIsShownOnceWithTheClientSettingsAndRevokedItFailsAuth() {
        browser.click("a[href='/app-passwords']");
        browser.waitForPath("/app-passwords");
        browser.type("#app-password-name", "phone");
        browser.click("form[action='/app-passwords'] button[type=submit]");
        String password = browser.text("#new-password");
        assertThat(password).startsWith("mqp_");
        assertThat(browser.text("#new-username")).isEqualTo(EMAIL);
        assertThat(browser.text("#submission-settings")).contains("STARTTLS");
        assertThat(auth(password).code()).isEqualTo(235);

        browser.open("/app-passwords");
        assertThat(browser.driver.findElements(By.id("new-password"))).isEmpty();
        assertThat(browser.text("#app-passwords")).contains("phone");
        browser.click("#app-passwords button.danger");
        browser.waitForText("#app-passwords", "revoked");
        assertThat(auth(password).text()).startsWith("535 5.7.8");
    }

    private Contact contact(String address) {
        return masq.contacts().list(userId, shop.id()).stream()
                .filter(c -> c.address().equals(address)).findFirst().orElseThrow();
    }

    private void receive(String sender, String message) {
        try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
            smtp.expect(250, smtp.send(sender, List.of("shop@mask.test"), bytes(message)));
        }
    }

    private SmtpClient.Reply rcptFrom(String sender) {
        try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
            smtp.expect(250, smtp.command("MAIL FROM:<" + sender + ">"));
            return smtp.command("RCPT TO:<shop@mask.test>");
        }
    }

    /** AUTH PLAIN over STARTTLS on the submission port, as a mail client does it. */
    private SmtpClient.Reply auth(String password) {
        try (SmtpClient smtp = SmtpClient.open(masq.submissionPort())) {
            smtp.startTls();
            smtp.expect(250, smtp.command("EHLO client.example"));
            String plain = Base64.getEncoder().encodeToString(("\0" + EMAIL + "\0" + password).getBytes(StandardCharsets.UTF_8));
            return smtp.command("AUTH PLAIN " + plain);
        }
    }
}
