package dev.masq.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/** {@code /api/docs}: the API page loads from this server alone and renders the document under its CSP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiDocsTest {
    static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

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
    void thePageAndEveryAssetItNamesAreServedHere() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(masq.base() + "/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        Matcher asset = ASSET.matcher(page.body());
        int assets = 0;
        while (asset.find()) {
            String path = asset.group(1);
            assertThat(path).as("served by masq itself").startsWith("/");
            HttpResponse<Void> loaded = client.send(HttpRequest.newBuilder(URI.create(masq.base() + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(loaded.statusCode()).as(path).isEqualTo(200);
            assets++;
        }
        assertThat(assets).isGreaterThanOrEqualTo(4);
        // Every other page keeps the strict policy.
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(masq.base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; frame-ancestors 'none'");
    }

    @Test
    void chromiumRendersTheOperationsAndAsksNoOtherHost() {
        browser.open("/api/docs");
        browser.waitForText("#swagger-ui", "/api/v1/aliases");
        assertThat(browser.text("#swagger-ui")).contains("/jmap/api/").contains("/api/v1/imports");
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(masq.base()));
    }
}
