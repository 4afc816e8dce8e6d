package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.testing.LeakEvidence;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The journeys a person takes through the web pages, in one headless Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneysTest {

    @AutoClose
    TestMasq masq;
    @AutoClose
    Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) {
        masq = TestMasq.startEmpty(dir.resolve("data"), Map.of());
        browser = new Browser(masq.base(), dir.resolve("chromium"));
    }

    @Test
    @Order(1)
    void firstRunSetupLinkCreatesTheAdminWhoLandsOnTheDashboard() {
        String token = masq.signIn().firstRunToken().orElseThrow();
        browser.open("/setup/" + token);
        assertThat(browser.text("h1")).isEqualTo("Set up masq");
        browser.type("#email", "admin@inbox.test");
        // The browser itself refuses short passwords; take that away to see the server refuse too.
        browser.driver.executeScript("document.getElementById('password').removeAttribute('minlength')");
        browser.type("#password", "too short");
        browser.click("form button[type=submit]");
        browser.waitForText("#form-error", "at least 12 characters");

        browser.type("#password", PASSWORD);
        browser.click("form button[type=submit]");
        browser.waitForPath("/");
        assertThat(browser.text("h1")).isEqualTo("Aliases");
        assertThat(masq.signIn().profile(masq.accounts().findByEmail("admin@inbox.test").orElseThrow().id()).admin())
                .isTrue();

        // The link worked once; and with an account in place, no new setup link is issued.
        browser.open("/setup/" + token);
        assertThat(browser.text(".error")).contains("expired or was already used");
        assertThat(masq.signIn().firstRunToken()).isEmpty();
    }

    @Test
    @Order(2)
    void createAnAliasReadItsAddressFromThePageThenBurnAndReplaceIt() {
        masq.user("shopper@inbox.test", false);
        browser.signIn("shopper@inbox.test", PASSWORD);
        browser.waitForPath("/");
        browser.type("#vendor", "Acme Shop");
        browser.type("#site", "https://www.acme.example.com/signup");
        browser.type("#note", "loyalty card");
        browser.click("#create-alias button[type=submit]");
        String address = browser.text("#created-address");
        assertThat(address).matches("[a-z]+\\.[a-z]+\\d{3}@mask\\.test");
        assertThat(browser.find("#created button[data-copy]").getAttribute("data-copy")).isEqualTo(address);
        browser.screenshot("dashboard");

        browser.click("a[href^='/aliases/'].address");
        browser.waitForText("h1", address);
        assertThat(browser.text("#vendor-name")).isEqualTo("Acme Shop");

        browser.click("a.button.danger");
        browser.waitForText("h1", "Burn the alias for Acme Shop?");
        browser.click("#confirm-burn");
        String replacement = browser.text("#created-address");
        assertThat(replacement).isNotEqualTo(address).endsWith("@mask.test");
        String shopper = masq.accounts().findByEmail("shopper@inbox.test").orElseThrow().id();
        var burned = masq.aliases().list(shopper, new dev.masq.alias.AliasQuery(dev.masq.alias.AliasState.BURNED, null, null, 10)).items();
        assertThat(burned).extracting(dev.masq.alias.Alias::address).containsExactly(address);
        assertThat(burned.getFirst().vendor()).isEqualTo("Acme Shop");
    }

    @Test
    @Order(3)
    void hostileVendorNoteAndSenderAreShownAsTextAndTheTimelineShowsMail() {
        String id = masq.user("target@inbox.test", false);
        String script = "<script>document.title='pwned'</script>";
        String img = "<img src=x onerror=\"document.title='pwned'\">";
        var alias = masq.aliases().create(id, new dev.masq.alias.NewAlias(null, null, null, script, null, img));
        // The SMTP edge is built elsewhere: record the forwarded message the way it will, in one write.
        masq.db().writeVoid(ctx -> masq.eventRepository().record(ctx, alias.id(), "forwarded",
                "\"" + img + "\" <sales@spammer.example>", "spam " + script, java.time.Instant.now()));

        browser.signIn("target@inbox.test", PASSWORD);
        browser.waitForPath("/");
        assertThat(browser.find("tr[data-alias='" + alias.id() + "']").getText()).contains(script).contains(img);
        browser.open("/aliases/" + alias.id());
        assertThat(browser.text("#vendor-name")).isEqualTo(script);
        assertThat(browser.text("#note-text")).isEqualTo(img);
        String timeline = browser.text("#timeline");
        assertThat(timeline).contains("forwarded").contains("spammer.example").contains("sales@spammer.example").contains(img);
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("main script, main img"))).isEmpty();
        assertThat(browser.driver.getTitle()).doesNotContain("pwned");
    }

    @Test
    @Order(4)
    void createAndRevokeAnApiKeyAndTheApiRefusesItAfterwards() throws Exception {
        masq.user("dev@inbox.test", false);
        browser.signIn("dev@inbox.test", PASSWORD);
        browser.waitForPath("/");
        browser.open("/keys");
        browser.type("#key-name", "read only");
        browser.click("#scope-aliases-write");
        browser.click("#scope-leaks-read");
        browser.click("form[action='/keys'] button[type=submit]");
        String key = browser.text("#new-key");
        assertThat(key).startsWith("mq_");

        assertThat(api(key, "GET", "/api/v1/aliases").statusCode()).isEqualTo(200);
        var refused = api(key, "POST", "/api/v1/aliases");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualToIgnoringCase("application/problem+json;charset=utf-8");
        assertThat(refused.body()).contains("aliases:write");
        assertThat(api(key, "GET", "/api/v1/leaks").statusCode()).isEqualTo(403);

        browser.open("/keys");
        assertThat(browser.text("#keys")).contains("read only").contains("aliases:read");
        browser.click("#keys button.danger");
        browser.waitForText("#keys", "revoked");
        assertThat(api(key, "GET", "/api/v1/aliases").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void leakReportListsLeakingAliasesAndDrawsItsChart() {
        String id = masq.user("watcher@inbox.test", false);
        browser.signIn("watcher@inbox.test", PASSWORD);
        browser.waitForPath("/");
        browser.click("a[href='/leaks']");
        browser.waitForPath("/leaks");
        assertThat(browser.find("svg.chart").findElements(org.openqa.selenium.By.cssSelector("rect.bar"))).hasSize(LeakPages.WEEKS);
        assertThat(browser.text("#no-leaks")).contains("No alias shows signs of a leak");

        var news = masq.aliases().create(id, new dev.masq.alias.NewAlias(null, null, null, "Daily News", "news.com", null));
        var shop = masq.aliases().create(id, new dev.masq.alias.NewAlias(null, null, null, "Acme Shop", "acme-shop.com", null));
        java.time.Instant now = java.time.Instant.now();
        String[] senders = {"offers@deals-daily.com", "win@crypto-news.io", "rx@pharmacy-online.net", "win@crypto-news.io"};
        for (int i = 0; i < senders.length; i++) {
            LeakEvidence.forwarded(masq, news.id(), senders[i], now.minus(java.time.Duration.ofDays(31 - 7L * i)));
        }
        LeakEvidence.forwarded(masq, shop.id(), "hello@coupons-galore.com", now.minus(java.time.Duration.ofDays(2)));
        browser.open("/leaks");
        assertThat(browser.text("#leaking")).contains(news.address()).contains("leaked").contains(shop.address())
                .contains("suspected");
        assertThat(browser.text("#vendors")).contains("Daily News").contains("Acme Shop");
        assertThat(browser.find("svg.chart").findElements(org.openqa.selenium.By.cssSelector("rect.bar"))
                .stream().filter(bar -> Double.parseDouble(bar.getAttribute("height")) > 0)).hasSize(5);
        browser.screenshot("leak-report");
    }

    java.net.http.HttpResponse<String> api(String key, String method, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(masq.base() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
                .build();
        return dev.masq.testing.OpenApiContract.verified(
                java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    @Order(6)
    void turnOnTotpThenSignInWithPasswordAndCodeEachCodeWorkingOnce() throws Exception {
        masq.user("careful@inbox.test", false);
        browser.signIn("careful@inbox.test", PASSWORD);
        browser.waitForPath("/");
        browser.open("/security");
        assertThat(browser.text("#totp-status")).startsWith("Off");
        browser.click("#totp-setup");
        // Changing second factors asks for the password again.
        browser.waitForPath("/reauth");
        browser.type("#password", PASSWORD);
        browser.click("main form button[type=submit]");
        browser.waitForPath("/security/totp");
        // The phone's camera reads the same key from the QR code drawn on the page.
        String qr = browser.find("#totp-qr svg").getAttribute("outerHTML");
        assertThat(QrSvgTest.decode(qr)).isEqualTo(browser.find("#totp-uri").getAttribute("href"));
        byte[] key = base32(browser.text("#totp-key"));
        String enrolCode = dev.masq.account.Totp.code(key, dev.masq.account.Totp.step(java.time.Instant.now()));
        browser.type("#code", enrolCode);
        browser.click("form[action='/security/totp'] button[type=submit]");
        assertThat(browser.find("#recovery-codes").findElements(org.openqa.selenium.By.tagName("li"))).hasSize(10);
        assertThat(browser.text("#totp-status")).startsWith("On");

        browser.signIn("careful@inbox.test", PASSWORD);
        browser.waitForPath("/login/second-factor");
        browser.type("#code", enrolCode);
        browser.click("form[action='/login/totp'] button[type=submit]");
        browser.waitForText("#form-error", "did not work");
        String next = dev.masq.account.Totp.code(key, dev.masq.account.Totp.step(java.time.Instant.now()) + 1);
        browser.type("#code", next);
        browser.click("form[action='/login/totp'] button[type=submit]");
        browser.waitForPath("/");
        assertThat(browser.text("h1")).isEqualTo("Aliases");

        browser.open("/security");
        browser.click("#sign-out-everywhere");
        browser.waitForPath("/login");
        browser.open("/");
        browser.waitForPath("/login");
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.strip().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
