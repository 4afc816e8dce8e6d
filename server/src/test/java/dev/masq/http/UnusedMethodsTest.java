package dev.masq.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TRACE and other methods no route takes are 405 with Allow everywhere: pages, the API, health, static files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnusedMethodsTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());

    @ParameterizedTest
    @CsvSource({"TRACE, /login", "TRACE, /", "TRACK, /signup", "PROPFIND, /settings", "TRACE, /api/v1/aliases", "TRACE, /healthz",
            "TRACE, /static/masq.css"})
    void isRefusedWith405(String method, String path) {
        TestMasq.Reply reply = masq.send(method, path, Map.of(), null);
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET").contains("POST").doesNotContain("TRACE");
        assertThat(reply.response().body()).doesNotContain("Cookie");
    }
}
