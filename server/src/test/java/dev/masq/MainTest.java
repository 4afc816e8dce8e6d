package dev.masq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.testing.OpenApiContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void userAddThenApiKeyCreatePrintsAKeyThatWorks() throws Exception {
        Run added = run("user", "add", "me@inbox.test", "--admin");
        assertThat(added.code()).isZero();
        assertThat(added.out()).matches("http://\\S+/password/ml_[A-Za-z0-9_-]{43}" + System.lineSeparator());
        assertThat(added.err()).startsWith("created user us_").contains("(admin)");

        Run created = run("apikey", "create", "me@inbox.test", "--name", "laptop");
        assertThat(created.code()).isZero();
        // Letters and digits only, 54 of them: what addy.io's clients accept as a key.
        assertThat(created.out()).matches("mq[a-z2-7]{52}" + System.lineSeparator());
        String key = created.out().strip();

        try (TestMasq app = TestMasq.startEmpty(dir, env())) {
            HttpResponse<String> response = OpenApiContract.verified(HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/v1/aliases"))
                            .header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString()));
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void mistakesGoToStderrWithANonZeroExit() {
        Run unknown = run("apikey", "create", "nobody@inbox.test", "--name", "x");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(run("user", "add", "not-an-address").code()).isNotZero();
        assertThat(run("user", "add", "twice@inbox.test").code()).isZero();
        Run twice = run("user", "add", "twice@inbox.test");
        assertThat(twice.code()).isNotZero();
        assertThat(twice.err()).contains("already exists");
        assertThat(run("apikey", "create", "twice@inbox.test").code()).as("--name is required").isNotZero();
    }

    @Test
    void aliasImportCreatesTheListedAddressesForTheUser() throws Exception {
        assertThat(run("user", "add", "me@inbox.test").code()).isZero();
        var stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("# moved from elsewhere\nshop.one@mask.test\n\nShop.Two@MASK.test\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Run imported = run("alias", "import", "me@inbox.test");
            assertThat(imported.code()).isZero();
            assertThat(imported.err()).contains("created 2 of 2 aliases");
        } finally {
            System.setIn(stdin);
        }
        try (TestMasq s = TestMasq.offline(dir, env(), Clock.systemUTC())) {
            String user = s.accounts().findByEmail("me@inbox.test").orElseThrow().id();
            assertThat(s.aliases().list(user, new dev.masq.alias.AliasQuery(null, null, null, 10)).items())
                    .extracting(dev.masq.alias.Alias::address)
                    .containsExactlyInAnyOrder("shop.one@mask.test", "shop.two@mask.test");
        }
    }

    @Test
    void aliasImportWithAFormatImportsAnExportFileAndSaysWhatItSkipped() throws Exception {
        assertThat(run("user", "add", "me@inbox.test").code()).isZero();
        Path file = dir.resolve("aliases.csv");
        try (var in = MainTest.class.getResourceAsStream("/imports/simplelogin-aliases.csv")) {
            java.nio.file.Files.write(file, in.readAllBytes());
        }
        Run imported = run("alias", "import", "me@inbox.test", "--format", "simplelogin", "--file", file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("imported 2 of 4 aliases from simplelogin")
                .contains("skipped newsletter.x7k2@simplelogin.com: domain not served here: simplelogin.com")
                .contains("note shop-amazing@mask.test: forwards to your default inbox");
        try (TestMasq s = TestMasq.offline(dir, env(), Clock.systemUTC())) {
            String user = s.accounts().findByEmail("me@inbox.test").orElseThrow().id();
            assertThat(s.aliases().list(user, new dev.masq.alias.AliasQuery(null, null, null, 10)).items())
                    .extracting(dev.masq.alias.Alias::address)
                    .containsExactlyInAnyOrder("shop-amazing@mask.test", "old_forum@mask.test");
        }
    }

    /** A mistyped limit or switch stops the start in one line that names it, rather than a parser's message or a limit that refuses everyone. */
    @ParameterizedTest
    @CsvSource({
            "MASQ_SMTP_MAX_RECIPIENTS, abc", "MASQ_SMTP_MAX_RECIPIENTS, 0",
            "MASQ_SMTP_SOFT_ERROR_LIMIT, 2.5", "MASQ_SMTP_SOFT_ERROR_LIMIT, -1",
            "MASQ_SMTP_HARD_ERROR_LIMIT, twenty", "MASQ_SMTP_HARD_ERROR_LIMIT, 0",
            "MASQ_SMTP_ERROR_DELAY, 1 second", "MASQ_SMTP_ERROR_DELAY, PT-1S",
            "MASQ_SMTP_ADDRESS_ERROR_LIMIT, many", "MASQ_SMTP_ADDRESS_ERROR_LIMIT, -5",
            "MASQ_SMTP_ADDRESS_ERROR_HALF_LIFE, 10", "MASQ_SMTP_ADDRESS_ERROR_HALF_LIFE, 0s",
            "MASQ_SMTP_MAX_CONNECTIONS, lots", "MASQ_SMTP_MAX_CONNECTIONS, 0",
            "MASQ_SMTP_MAX_CONNECTIONS_PER_IP, x", "MASQ_SMTP_MAX_CONNECTIONS_PER_IP, 0",
            "MASQ_SMTP_JUNK_COMMAND_LIMIT, 1e2", "MASQ_SMTP_JUNK_COMMAND_LIMIT, 0",
            "MASQ_SMTP_SESSION_LIFETIME, forever", "MASQ_SMTP_SESSION_LIFETIME, 0m",
            "MASQ_SMTP_TIMEOUT, 5 min", "MASQ_SMTP_TIMEOUT, 0s",
            "MASQ_SIGNUP_RATE, five", "MASQ_SIGNUP_RATE, 0",
            "MASQ_WEBHOOK_ALLOW_PRIVATE, yes", "MASQ_LEAK_DETECTION, off", "MASQ_DELIVERY_STARTTLS, ture"})
    @Timeout(60) // a value taken as good would start the server, which runs until stopped
    void aBadLimitStopsTheStartWithOneLineNamingIt(String name, String value) {
        Map<String, String> env = new HashMap<>(env());
        env.put(name, value);
        StringWriter err = new StringWriter();
        int code = Main.commandLine(env).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute();
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + name + " must ").contains(value.strip()).hasLineCount(1);
    }

    private Map<String, String> env() {
        return Map.of("MASQ_DATA_DIR", dir.toString(), "MASQ_DOMAINS", "mask.test",
                "MASQ_HTTP_PORT", "0", "MASQ_SMTP_PORT", "0", "MASQ_SUBMISSION_PORT", "0");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(env()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
