package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.testing.OpenApiContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What goes over the wire: UTF-8 JSON with its charset, and problem+json even for requests Jetty refuses itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEncodingTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String key = masq.userWithKey("person@inbox.test");

    @Test
    void aProblemNamingNonAsciiInputIsUtf8AndSaysSo() throws Exception {
        for (String domain : new String[] {"exämple.org", "日本.jp"}) {
            HttpResponse<byte[]> reply = bytes("POST", "/api/v1/aliases", "{\"domain\":\"" + domain + "\"}");
            assertThat(reply.statusCode()).isEqualTo(422);
            assertThat(mediaType(reply.headers().firstValue("Content-Type").orElseThrow())).isEqualTo("application/problem+json;charset=utf-8");
            String body = new String(reply.body(), StandardCharsets.UTF_8);
            assertThat(body).as("UTF-8 bytes of the body").contains(domain);
            assertThat(TestMasq.JSON.readTree(reply.body()).get("detail").asText()).contains(domain);
        }
    }

    @Test
    void ordinaryJsonIsUtf8AndSaysSo() throws Exception {
        HttpResponse<byte[]> created = bytes("POST", "/api/v1/aliases", "{\"vendor\":\"Café 日本\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(mediaType(created.headers().firstValue("Content-Type").orElseThrow())).isEqualTo("application/json;charset=utf-8");
        JsonNode alias = TestMasq.JSON.readTree(created.body());
        assertThat(alias.get("vendor").asText()).isEqualTo("Café 日本");
        HttpResponse<byte[]> read = bytes("GET", "/api/v1/aliases/" + alias.get("id").asText(), null);
        assertThat(mediaType(read.headers().firstValue("Content-Type").orElseThrow())).isEqualTo("application/json;charset=utf-8");
        assertThat(new String(read.body(), StandardCharsets.UTF_8)).contains("Café 日本");
    }

    @Test
    void aTooLongUriUnderApiIsAProblem() throws Exception {
        Raw reply = raw("GET /api/v1/aliases/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(reply.status()).isEqualTo(414);
        assertProblem(reply, 414);
    }

    @Test
    void aNulInAnApiPathIsAProblem() throws Exception {
        Raw reply = raw("GET /api/v1/aliases/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                + "\r\nConnection: close\r\n\r\n");
        assertThat(reply.status()).isEqualTo(400);
        assertProblem(reply, 400);
    }

    private static void assertProblem(Raw reply, int status) throws IOException {
        assertThat(mediaType(reply.header("Content-Type"))).as(reply.text()).isEqualTo("application/problem+json;charset=utf-8");
        JsonNode problem = TestMasq.JSON.readTree(reply.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    private HttpResponse<byte[]> bytes(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masq.httpPort() + path))
                .header("Authorization", "Bearer " + key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return OpenApiContract.verified(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    record Raw(String head, byte[] body, String text) {
        int status() {
            return Integer.parseInt(head.split(" ", 3)[1]);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** A request the JDK client would refuse to send, written to the socket as is; the answer read to the end. */
    private Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", masq.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            byte[] everything = all.toByteArray();
            byte[] body = Arrays.copyOfRange(everything, end + 4, everything.length);
            return new Raw(text.substring(0, end), body, text);
        }
    }

    /** A Content-Type as compared: lower case, no spaces ("text/html; charset=UTF-8" and "text/html;charset=utf-8" are one). */
    static String mediaType(String header) {
        return header.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }
}
