package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasState;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** Settings → import, in headless Chromium: upload an export, watch the job, read what was skipped and why. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebImportTest {
    @AutoClose
    TestMasq masq;
    @AutoClose
    Browser browser;
    Path dir;
    String userId;

    @BeforeAll
    void start(@TempDir Path dir) {
        this.dir = dir;
        masq = TestMasq.startEmpty(dir.resolve("data"), Map.of());
        browser = new Browser(masq.base(), dir.resolve("chromium"));
        userId = masq.user("mover@inbox.test", false);
    }

    @Test
    void anAddyExportUploadedFromTheSettingsShowsItsSummary() throws Exception {
        Path file = dir.resolve("addy-aliases.csv");
        try (InputStream in = WebImportTest.class.getResourceAsStream("/imports/addy-aliases.csv")) {
            Files.write(file, in.readAllBytes());
        }
        browser.signIn("mover@inbox.test", PASSWORD);
        browser.waitForPath("/");
        browser.open("/settings");
        browser.click("#import-link");
        browser.waitForPath("/settings/import");
        browser.find("#import-file").sendKeys(file.toString());
        browser.click("#start-import");
        browser.waitForText("#import-summary", "Skipped (1)");
        assertThat(browser.text("#import-skipped")).contains("@anonaddy.me").contains("domain not served here: anonaddy.me");
        assertThat(browser.text("#import-counts")).contains("4 of 4 handled, 3 imported");
        assertThat(browser.driver.findElement(By.id("import-progress")).getAttribute("value")).isEqualTo("4");
        // What import.js polls while a job runs: the job as JSON, for its owner's session.
        Object polled = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('import-job').dataset.statusUrl, {headers: {Accept: 'application/json'}})"
                        + ".then(r => r.json()).then(j => done(j.status + ' ' + j.done + '/' + j.total + ' ' + j.skipped.length));");
        assertThat(polled).isEqualTo("done 4/4 1");
        assertThat(masq.aliases().list(userId, new AliasQuery(AliasState.BURNED, null, null, 10)).items())
                .extracting(Alias::address).containsExactly("leaky@mask.test");
    }

    @Test
    void aFileThatIsNoExportIsRefusedNextToTheField() throws Exception {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, "name,phone\r\nJane,123\r\n");
        browser.signIn("mover@inbox.test", PASSWORD);
        browser.waitForPath("/");
        browser.open("/settings/import");
        browser.find("#import-file").sendKeys(file.toString());
        browser.click("#start-import");
        browser.waitForText("#import-error", "not a SimpleLogin or addy.io CSV export");
    }

    @Test
    void theSettingsOfferTheAliasesAsCsv() throws Exception {
        masq.aliases().create(userId, new dev.masq.alias.NewAlias(dev.masq.alias.NewAlias.AddressMode.CUSTOM, "csvshop",
                null, "CSV Shop", null, null));
        FormClient client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "mover@inbox.test", "password", PASSWORD));
        assertThat(client.get("/settings").body()).contains("href=\"/settings/export.csv\"");
        HttpResponse<String> csv = client.get("/settings/export.csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("id,address,state,").contains(",csvshop@mask.test,active,CSV Shop,");
    }
}
