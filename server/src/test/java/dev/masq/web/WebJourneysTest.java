package dev.masq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
    static final String PASSWORD = "correct horse battery staple";

    WebApp masq;
    Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) {
        masq = new WebApp(dir.resolve("data"), Map.of());
        browser = new Browser(masq.base(), dir.resolve("chromium"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        masq.close();
    }

    /** A user made the way an operator does ({@code user add}) who has set a password. */
    String user(String email) {
        String id = masq.app.services.accounts.addUser(email, false).id();
        masq.app.services.signIn.changePassword(id, PASSWORD);
        return id;
    }

    void signIn(String email) {
        browser.signOut();
        browser.open("/login");
        browser.type("#email", email);
        browser.type("#password", PASSWORD);
        browser.click("form[action='/login'] button[type=submit]");
    }

    @Test
    @Order(1)
    void firstRunSetupLinkCreatesTheAdminWhoLandsOnTheDashboard() {
        String token = masq.app.services.signIn.firstRunToken().orElseThrow();
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
        assertThat(masq.app.services.signIn.profile(masq.app.services.accounts.findByEmail("admin@inbox.test").orElseThrow().id()).admin())
                .isTrue();

        // The link worked once; and with an account in place, no new setup link is issued.
        browser.open("/setup/" + token);
        assertThat(browser.text(".error")).contains("expired or was already used");
        assertThat(masq.app.services.signIn.firstRunToken()).isEmpty();
    }
}
