package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitApiTest {

    @Test
    void aliasCreationIsLimitedPerUserWith429AndRetryAfter(@TempDir Path dir) {
        try (TestMasq masq = TestMasq.startEmpty(dir, Map.of("MASQ_API_ALIAS_RATE", "3"))) {
            String key = masq.userWithKey("busy@inbox.test");
            for (int i = 0; i < 3; i++) {
                assertThat(masq.call(key, "POST", "/api/v1/aliases", "{}").status()).isEqualTo(201);
            }
            TestMasq.Reply refused = masq.call(key, "POST", "/api/v1/aliases", "{}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
            assertThat(masq.send("POST", "/api/alias/random/new", Map.of("Authentication", key), "{}").status()).isEqualTo(429);

            assertThat(masq.call(key, "GET", "/api/v1/aliases", null).json().get("data")).hasSize(3);
            String other = masq.userWithKey("calm@inbox.test");
            assertThat(masq.call(other, "POST", "/api/v1/aliases", "{}").status()).isEqualTo(201);
        }
    }
}
