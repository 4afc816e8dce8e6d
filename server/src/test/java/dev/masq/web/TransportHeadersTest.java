package dev.masq.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers a browser relies on: HSTS once masq is served over https, and a declared charset on every page. */
class TransportHeadersTest {
    private static final String HSTS = "Strict-Transport-Security";

    @Test
    void behindHttpsEveryAnswerPinsHttpsForAYear(@TempDir Path dir) throws Exception {
        try (TestMasq masq = TestMasq.startEmpty(dir, Map.of("MASQ_BASE_URL", "https://masq.test"))) {
            // Not following redirects: they point at https://masq.test, which is nowhere.
            FormClient client = new FormClient("http://127.0.0.1:" + masq.httpPort(), java.net.http.HttpClient.newHttpClient());
            for (String path : new String[] {"/login", "/", "/api/v1/aliases", "/healthz", "/no/such/page", "/static/no-such.css"}) {
                HttpResponse<String> reply = client.get(path);
                assertThat(reply.headers().firstValue(HSTS)).as(path + " answered " + reply.statusCode()).hasValue("max-age=31536000");
            }
        }
    }

    @Test
    void overPlainHttpNoHstsIsSent(@TempDir Path dir) throws Exception {
        try (TestMasq masq = TestMasq.startEmpty(dir, Map.of())) {
            HttpResponse<String> reply = new FormClient(masq.base()).get("/login");
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.headers().firstValue(HSTS)).isEmpty();
        }
    }

    @Test
    void pagesDeclareUtf8Html(@TempDir Path dir) throws Exception {
        try (TestMasq masq = TestMasq.startEmpty(dir, Map.of())) {
            FormClient client = new FormClient(masq.base());
            for (String path : new String[] {"/login", "/signup", "/no/such/page"}) {
                HttpResponse<String> reply = client.get(path);
                assertThat(reply.headers().firstValue("Content-Type").map(TransportHeadersTest::mediaType)).as(path).hasValue("text/html;charset=utf-8");
            }
        }
    }

    /** A Content-Type as compared: lower case, no spaces ("text/html; charset=UTF-8" and "text/html;charset=utf-8" are one). */
    static String mediaType(String header) {
        return header.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }
}
