package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The calls password managers make to addy.io and SimpleLogin work against masq unchanged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompatibilityTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String key = masq.userWithKey("person@inbox.test");

    @Test
    void addyIoCreateGetsAddysEnvelope() {
        TestMasq.Reply reply = masq.call(key, "POST", "/api/v1/aliases", "{\"domain\":\"other.test\",\"description\":\"Website: shop.com\"}");
        assertThat(reply.status()).isEqualTo(201);
        JsonNode data = reply.json().get("data");
        assertThat(data.get("email").asText()).endsWith("@other.test");
        assertThat(data.get("active").asBoolean()).isTrue();

        JsonNode alias = masq.call(key, "GET", reply.header("Location"), null).json();
        assertThat(alias.get("address").asText()).isEqualTo(data.get("email").asText());
        assertThat(alias.get("note").asText()).isEqualTo("Website: shop.com");
    }

    @Test
    void noteAndDescriptionTogetherAreRefused() {
        TestMasq.Reply reply = masq.call(key, "POST", "/api/v1/aliases", "{\"note\":\"a\",\"description\":\"b\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("description");
    }

    @Test
    void simpleLoginRandomAliasUsesTheAuthenticationHeaderAndHostname() {
        TestMasq.Reply reply = masq.send("POST", "/api/alias/random/new?hostname=www.shop.co.uk",
                Map.of("Authentication", key), "{\"note\":\"from the password manager\",\"extra\":1}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String address = reply.json().get("alias").asText();
        assertThat(address).endsWith("@mask.test");

        JsonNode list = masq.call(key, "GET", "/api/v1/aliases?q=" + address.substring(0, address.indexOf('@')), null).json();
        JsonNode alias = list.get("data").get(0);
        assertThat(alias.get("note").asText()).isEqualTo("from the password manager");
        assertThat(alias.get("vendor_domains").get(0).asText()).isEqualTo("shop.co.uk");
    }

    @Test
    void simpleLoginWithAWrongKeyIs401() {
        TestMasq.Reply reply = masq.send("POST", "/api/alias/random/new", Map.of("Authentication", "mq_nope"), "{}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }
}
