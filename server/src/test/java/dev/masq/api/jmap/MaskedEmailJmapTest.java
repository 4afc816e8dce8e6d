package dev.masq.api.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.account.ApiScope;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasState;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Fastmail MaskedEmail over JMAP, as password managers with a Fastmail generator speak it. */
class MaskedEmailJmapTest {
    static final String USING = "[\"https://www.fastmail.com/dev/maskedemail\",\"urn:ietf:params:jmap:core\"]";

    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of());
    final String key = masq.apiKeys().create(masq.userId, "bitwarden", Set.of(ApiScope.values())).secret();

    /** Bitwarden's Fastmail forwarder (libs/tools/generator/core/src/integration/fastmail.ts), request for request. */
    @Test
    void bitwardensFastmailForwarderGetsAnAddressThatReceivesMail() {
        TestMasq.Reply session = masq.send("GET", "/jmap/session", Map.of("Authorization", "Bearer " + key), null);
        assertThat(session.status()).isEqualTo(200);
        String accountId = session.json().get("primaryAccounts").get("https://www.fastmail.com/dev/maskedemail").asText();
        assertThat(accountId).isEqualTo(masq.userId);

        String body = "{\"using\":[\"https://www.fastmail.com/dev/maskedemail\",\"urn:ietf:params:jmap:core\"],"
                + "\"methodCalls\":[[\"MaskedEmail/set\",{\"accountId\":\"" + accountId + "\",\"create\":{\"new-masked-email\":"
                + "{\"state\":\"enabled\",\"description\":\"\",\"forDomain\":\"www.shop.com\",\"emailPrefix\":\"shop_com\"}}},\"0\"]]}";
        TestMasq.Reply reply = masq.send("POST", "/jmap/api/",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode response = reply.json().get("methodResponses").get(0);
        assertThat(response.get(0).asText()).isEqualTo("MaskedEmail/set");
        String email = response.get(1).get("created").get("new-masked-email").get("email").asText();
        assertThat(email).matches("shop_com\\.[a-z2-7]{6}@mask\\.test");

        try (SmtpClient smtp = masq.open()) {
            byte[] message = "From: Shop <news@shop.com>\r\nSubject: welcome\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
            assertThat(smtp.send("news@shop.com", List.of(email), message).code()).isEqualTo(250);
        }
        List<Delivery> queued = masq.takeQueued();
        assertThat(queued).hasSize(1);
        assertThat(queued.getFirst().recipient()).isEqualTo(TestMasq.INBOX);
        Alias alias = masq.aliases().get(masq.userId, response.get(1).get("created").get("new-masked-email").get("id").asText());
        assertThat(alias.vendorDomains()).extracting(Alias.VendorDomain::domain).contains("shop.com");
    }

    @Test
    void theWellKnownUrlServesTheSessionWithItsApiUrl() {
        TestMasq.Reply reply = masq.send("GET", "/.well-known/jmap", Map.of("Authorization", "Bearer " + key), null);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode session = reply.json();
        assertThat(session.get("apiUrl").asText()).isEqualTo(masq.base() + "/jmap/api/");
        assertThat(session.get("username").asText()).isEqualTo(TestMasq.INBOX);
        assertThat(session.get("capabilities").has("urn:ietf:params:jmap:core")).isTrue();
        assertThat(session.get("accounts").get(masq.userId).get("isReadOnly").asBoolean()).isFalse();
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void withoutAKeyTheSessionIs401() {
        assertThat(masq.send("GET", "/.well-known/jmap", Map.of(), null).status()).isEqualTo(401);
        assertThat(masq.send("POST", "/jmap/api/", Map.of("Authorization", "Bearer mq_nope"), "{}").status()).isEqualTo(401);
    }

    @Test
    void statesMapToActivePausedAndBurned() {
        Alias shop = masq.alias("shop");
        JsonNode set = call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"update\":{\"" + shop.id()
                + "\":{\"state\":\"disabled\",\"description\":\"newsletter\"}}},\"a\"]").get(0).get(1);
        assertThat(set.get("updated").has(shop.id())).isTrue();
        assertThat(masq.reload(shop).state()).isEqualTo(AliasState.PAUSED);
        assertThat(masq.reload(shop).note()).isEqualTo("newsletter");
        assertThat(set.get("oldState").asText()).isNotEqualTo(set.get("newState").asText());

        call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"update\":{\"" + shop.id()
                + "\":{\"state\":\"enabled\"}}},\"b\"]");
        assertThat(masq.reload(shop).state()).isEqualTo(AliasState.ACTIVE);

        JsonNode pending = call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"update\":{\"" + shop.id()
                + "\":{\"state\":\"pending\"}}},\"c\"]").get(0).get(1).get("notUpdated").get(shop.id());
        assertThat(pending.get("type").asText()).isEqualTo("invalidProperties");
        assertThat(pending.get("properties").get(0).asText()).isEqualTo("state");

        call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"update\":{\"" + shop.id()
                + "\":{\"state\":\"deleted\"}}},\"d\"]");
        assertThat(masq.reload(shop).state()).isEqualTo(AliasState.BURNED);
        JsonNode revived = call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"update\":{\"" + shop.id()
                + "\":{\"state\":\"enabled\"}}},\"e\"]").get(0).get(1).get("notUpdated").get(shop.id());
        assertThat(revived.get("type").asText()).isEqualTo("invalidProperties");
        assertThat(masq.reload(shop).state()).isEqualTo(AliasState.BURNED);

        JsonNode got = call("[\"MaskedEmail/get\",{\"accountId\":\"" + masq.userId + "\",\"ids\":[\"" + shop.id()
                + "\",\"al_missing\"],\"properties\":[\"state\",\"email\"]},\"f\"]").get(0).get(1);
        assertThat(got.get("list").get(0).get("state").asText()).isEqualTo("deleted");
        assertThat(got.get("list").get(0).get("email").asText()).isEqualTo("shop@mask.test");
        assertThat(got.get("list").get(0).has("description")).isFalse();
        assertThat(got.get("notFound").get(0).asText()).isEqualTo("al_missing");
    }

    @Test
    void aPendingOrDisabledCreateAndLaterCallsReferringToIt() {
        JsonNode responses = call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"create\":{"
                + "\"p\":{\"state\":\"pending\",\"forDomain\":\"https://www.example.com\"},\"d\":{\"state\":\"disabled\"}}},\"0\"],"
                + "[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"update\":{\"#p\":{\"description\":\"kept\"}}},\"1\"],"
                + "[\"MaskedEmail/get\",{\"accountId\":\"" + masq.userId + "\",\"ids\":null},\"2\"],"
                + "[\"Core/echo\",{\"#ids\":{\"resultOf\":\"2\",\"name\":\"MaskedEmail/get\",\"path\":\"/list/*/id\"}},\"3\"]");
        JsonNode created = responses.get(0).get(1).get("created");
        assertThat(created.get("p").get("state").asText()).isEqualTo("enabled");
        assertThat(created.get("p").get("forDomain").asText()).isEqualTo("example.com");
        assertThat(created.get("d").get("state").asText()).isEqualTo("disabled");
        assertThat(masq.aliases().get(masq.userId, created.get("p").get("id").asText()).note()).isEqualTo("kept");
        assertThat(responses.get(2).get(1).get("list")).hasSize(2);
        assertThat(responses.get(3).get(1).get("ids")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(created.get("p").get("id").asText(), created.get("d").get("id").asText());
    }

    @Test
    void destroyDeletesAndAStaleIfInStateChangesNothing() {
        Alias shop = masq.alias("shop");
        JsonNode stale = call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"ifInState\":\"old\","
                + "\"destroy\":[\"" + shop.id() + "\"]},\"a\"]").get(0);
        assertThat(stale.get(1).get("type").asText()).isEqualTo("stateMismatch");
        assertThat(masq.reload(shop).state()).isEqualTo(AliasState.ACTIVE);

        JsonNode destroyed = call("[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"destroy\":[\""
                + shop.id() + "\",\"al_missing\"]},\"b\"]").get(0).get(1);
        assertThat(destroyed.get("destroyed")).extracting(JsonNode::asText).containsExactly(shop.id());
        assertThat(destroyed.get("notDestroyed").get("al_missing").get("type").asText()).isEqualTo("notFound");
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.command("MAIL FROM:<x@vendor.example>").code()).isEqualTo(250);
            assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).isEqualTo(550);
        }
    }

    @Test
    void brokenCallsAnswerTheirOwnErrorAndTheOthersGoOn() {
        JsonNode responses = call("[\"MaskedEmail/frobnicate\",{},\"a\"],"
                + "[\"MaskedEmail/get\",{\"accountId\":\"" + masq.userId + "\",\"colour\":1},\"b\"],"
                + "[\"MaskedEmail/get\",{\"accountId\":\"someone-else\"},\"c\"],"
                + "[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"create\":{\"x\":{\"emailPrefix\":\"Bad-Prefix\"},"
                + "\"y\":{\"email\":\"chosen@mask.test\"}}},\"d\"],"
                + "[\"MaskedEmail/get\",{\"accountId\":\"" + masq.userId + "\"},\"e\"]");
        assertThat(responses.get(0).get(0).asText()).isEqualTo("error");
        assertThat(responses.get(0).get(1).get("type").asText()).isEqualTo("unknownMethod");
        assertThat(responses.get(0).get(2).asText()).isEqualTo("a");
        assertThat(responses.get(1).get(1).get("type").asText()).isEqualTo("invalidArguments");
        assertThat(responses.get(2).get(1).get("type").asText()).isEqualTo("accountNotFound");
        JsonNode notCreated = responses.get(3).get(1).get("notCreated");
        assertThat(notCreated.get("x").get("properties").get(0).asText()).isEqualTo("emailPrefix");
        assertThat(notCreated.get("y").get("properties").get(0).asText()).isEqualTo("email");
        assertThat(responses.get(4).get(0).asText()).isEqualTo("MaskedEmail/get");
        assertThat(responses.get(4).get(1).get("list")).isEmpty();
    }

    @Test
    void aMethodOfACapabilityNotInUsingIsUnknown() {
        TestMasq.Reply reply = api("{\"using\":[\"urn:ietf:params:jmap:core\"],\"methodCalls\":[[\"MaskedEmail/get\","
                + "{\"accountId\":\"" + masq.userId + "\"},\"0\"]]}");
        assertThat(reply.json().get("methodResponses").get(0).get(1).get("type").asText()).isEqualTo("unknownMethod");
    }

    @Test
    void requestLevelErrorsAreProblemsWithJmapTypes() {
        TestMasq.Reply unknown = api("{\"using\":[\"urn:ietf:params:jmap:mail\"],\"methodCalls\":[]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asText()).isEqualTo("urn:ietf:params:jmap:error:unknownCapability");

        assertThat(api("{\"methodCalls\":[]}").json().get("type").asText()).isEqualTo("urn:ietf:params:jmap:error:notRequest");
        assertThat(api("{\"using\":[],\"methodCalls\":[[\"Core/echo\",{}]]}").json().get("type").asText())
                .isEqualTo("urn:ietf:params:jmap:error:notRequest");
        assertThat(api("not json").json().get("type").asText()).isEqualTo("urn:ietf:params:jmap:error:notJSON");
        String many = String.join(",", java.util.Collections.nCopies(17, "[\"Core/echo\",{},\"x\"]"));
        TestMasq.Reply limit = api("{\"using\":" + USING + ",\"methodCalls\":[" + many + "]}");
        assertThat(limit.json().get("type").asText()).isEqualTo("urn:ietf:params:jmap:error:limit");
        assertThat(limit.json().get("limit").asText()).isEqualTo("maxCallsInRequest");
    }

    @Test
    void aReadOnlyKeyMayListButNotChange() {
        String reader = masq.apiKeys().create(masq.userId, "reader", Set.of(ApiScope.ALIASES_READ)).secret();
        masq.alias("shop");
        JsonNode session = masq.send("GET", "/jmap/session", Map.of("Authorization", "Bearer " + reader), null).json();
        assertThat(session.get("accounts").get(masq.userId).get("isReadOnly").asBoolean()).isTrue();
        TestMasq.Reply reply = masq.send("POST", "/jmap/api/", Map.of("Authorization", "Bearer " + reader),
                "{\"using\":" + USING + ",\"methodCalls\":[[\"MaskedEmail/get\",{\"accountId\":\"" + masq.userId + "\"},\"0\"],"
                        + "[\"MaskedEmail/set\",{\"accountId\":\"" + masq.userId + "\",\"create\":{\"n\":{}}},\"1\"]]}");
        JsonNode responses = reply.json().get("methodResponses");
        assertThat(responses.get(0).get(1).get("list")).hasSize(1);
        assertThat(responses.get(1).get(1).get("type").asText()).isEqualTo("forbidden");
    }

    private JsonNode call(String calls) {
        TestMasq.Reply reply = api("{\"using\":" + USING + ",\"methodCalls\":[" + calls + "]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("methodResponses");
    }

    private TestMasq.Reply api(String body) {
        return masq.call(key, "POST", "/jmap/api/", body);
    }
}
