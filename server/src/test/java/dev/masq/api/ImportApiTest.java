package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasState;
import dev.masq.account.Mailbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Imports over the API: SimpleLogin's and addy.io's CSV exports (samples built from their export code) and masq's
 * own JSON export, which brings the same account back.
 */
class ImportApiTest {

    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of());
    final String key = masq.apiKeys().create(TestMasq.INBOX, "test").secret();

    @Test
    void aSimpleLoginCsvImportsItsAliasesWithNotesStateAndMailboxesAndReportsTheRest() throws IOException {
        String work = masq.confirmedInbox("work@inbox.test");
        JsonNode job = finished(masq, key, masq.upload(key, "/api/v1/imports", "text/csv", sample("simplelogin-aliases.csv")));

        assertThat(job.get("format").asText()).isEqualTo("simplelogin");
        assertThat(job.get("total").asInt()).isEqualTo(4);
        assertThat(job.get("done").asInt()).isEqualTo(4);
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(notes(job.get("skipped"))).containsExactlyInAnyOrder(
                "newsletter.x7k2@simplelogin.com: domain not served here: simplelogin.com",
                "netflix.m3q9@aleeas.com: domain not served here: aleeas.com");
        assertThat(notes(job.get("warnings"))).containsExactly(
                "shop-amazing@mask.test: does not forward to old@inbox.test: it is not one of your confirmed inboxes here");

        JsonNode shop = alias("shop-amazing@mask.test");
        assertThat(shop.get("note").asText()).isEqualTo("Bought a lamp, said \"thanks\"");
        assertThat(shop.get("state").asText()).isEqualTo("active");
        assertThat(shop.get("inbox_ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder(defaultInbox(masq), work);
        assertThat(alias("old_forum@mask.test").get("state").asText()).isEqualTo("paused");
    }

    @Test
    void anAddyCsvImportsDescriptionsFromNamesActiveAndDeletedAsBurned() throws IOException {
        JsonNode job = finished(masq, key, masq.upload(key, "/api/v1/imports?format=addy", "text/csv", sample("addy-aliases.csv")));

        assertThat(job.get("format").asText()).isEqualTo("addy");
        assertThat(job.get("imported").asInt()).isEqualTo(3);
        assertThat(notes(job.get("skipped"))).containsExactly(
                "50c9e585-e7f5-41c4-9016-9014c15454bc@anonaddy.me: domain not served here: anonaddy.me");
        JsonNode book = alias("bookshop@mask.test");
        assertThat(book.get("note").asText()).isEqualTo("Books, and \"rare\" maps");
        assertThat(book.get("display_name").asText()).isEqualTo("Jane Reader");
        assertThat(book.get("state").asText()).isEqualTo("active");
        assertThat(alias("travel@mask.test").get("state").asText()).isEqualTo("paused");
        assertThat(alias("leaky@mask.test").get("state").asText()).isEqualTo("burned");
        try (var smtp = masq.open()) {
            assertThat(smtp.command("MAIL FROM:<x@vendor.example>").code()).isEqualTo(250);
            assertThat(smtp.command("RCPT TO:<leaky@mask.test>").code()).isEqualTo(550);
        }
    }

    @Test
    void aMultipartUploadWorksAndImportingTheSameFileAgainSkipsWhatIsThere() throws IOException {
        String boundary = "masqtestboundary";
        byte[] form = multipart(boundary, sample("addy-aliases.csv"), "addy");
        finished(masq, key, masq.upload(key, "/api/v1/imports", "multipart/form-data; boundary=" + boundary, form));
        JsonNode again = finished(masq, key, masq.upload(key, "/api/v1/imports", "multipart/form-data; boundary=" + boundary, form));
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(notes(again.get("skipped"))).contains("bookshop@mask.test: already in your account");
    }

    @Test
    void aFileThatIsNoExportIsRefusedAtOnceAndAnotherPersonsJobIsNotFound() {
        TestMasq.Reply refused = masq.upload(key, "/api/v1/imports", "text/csv", "name,phone\r\nJane,123\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("file");

        TestMasq.Reply started = masq.upload(key, "/api/v1/imports", "text/csv", "alias,note,enabled\r\nx1@mask.test,,True\r\n".getBytes(StandardCharsets.UTF_8));
        String other = masq.userWithKey("other@inbox.test");
        assertThat(masq.call(other, "GET", started.header("Location"), null).status()).isEqualTo(404);
    }

    @Test
    void importingMasqsOwnExportOnAnotherServerGivesTheSameAccount() {
        String work = masq.confirmedInbox("work@inbox.test");
        Alias shop = masq.alias("shop");
        masq.call(key, "PATCH", "/api/v1/aliases/" + shop.id(), "{\"note\":\"lamps\",\"vendor\":\"Lamp Shop\","
                + "\"vendor_domains\":[\"lamps.example\"],\"display_name\":\"Jane\",\"vendor_only\":true,"
                + "\"allowed_domains\":[\"partner.example\"],\"inbox_ids\":[\"" + work + "\"]}");
        masq.senderBlocks().add(masq.userId, shop.id(), "pest@spam.example", null);
        masq.contacts().open(masq.userId, shop.id(), "friend@elsewhere.example");
        masq.aliases().pause(masq.userId, masq.alias("quiet").id());
        Alias burned = masq.alias("gone");
        masq.contacts().open(masq.userId, burned.id(), "old-friend@elsewhere.example");
        masq.aliases().burn(masq.userId, burned.id(), false, "leaked");
        masq.senderBlocks().add(masq.userId, null, null, "everywhere.example");
        JsonNode before = masq.call(key, "GET", "/api/v1/export", null).json();

        try (TestMasq other = TestMasq.start(Map.of())) {
            other.confirmedInbox("work@inbox.test");
            String otherKey = other.apiKeys().create(TestMasq.INBOX, "import").secret();
            JsonNode job = finished(other, otherKey, other.upload(otherKey, "/api/v1/imports", "application/json",
                    before.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(job.get("format").asText()).isEqualTo("masq");
            assertThat(job.get("skipped")).isEmpty();
            assertThat(job.get("warnings")).isEmpty();
            assertThat(job.get("imported").asInt()).isEqualTo(3);

            JsonNode after = other.call(otherKey, "GET", "/api/v1/export", null).json();
            assertThat(account(after)).isEqualTo(account(before));
            assertThat(other.aliases().list(other.userId, new dev.masq.alias.AliasQuery(AliasState.BURNED, null, null, 10)).items())
                    .extracting(Alias::address).containsExactly("gone@mask.test");
        }
    }

    /** What an account is, without what differs between two servers (ids, times, counters, history). */
    private static List<String> account(JsonNode export) {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : export.get("aliases")) {
            ObjectNode a = (ObjectNode) entry.get("alias");
            List<String> contacts = new ArrayList<>();
            entry.get("contacts").forEach(c -> contacts.add(c.get("address").asText() + (c.get("blocked").asBoolean() ? " blocked" : "")));
            List<String> blocks = new ArrayList<>();
            entry.get("blocks").forEach(b -> blocks.add(b.get("address").asText() + "/" + b.get("domain").asText()));
            out.add(String.join(" | ", a.get("address").asText(), a.get("state").asText(), a.get("vendor").asText(),
                    a.get("vendor_domains").toString(), a.get("note").asText(), a.get("display_name").asText(),
                    entry.get("inboxes").toString(), entry.get("vendor_only").asText(), entry.get("allowed_domains").toString(),
                    blocks.toString(), contacts.toString()));
        }
        export.get("blocks").forEach(b -> out.add("every alias: " + b.get("address").asText() + "/" + b.get("domain").asText()));
        out.sort(null);
        return out;
    }

    private JsonNode alias(String address) {
        JsonNode list = masq.call(key, "GET", "/api/v1/aliases?q=" + address.substring(0, address.indexOf('@')), null).json();
        for (JsonNode a : list.get("data")) {
            if (a.get("address").asText().equals(address)) {
                return a;
            }
        }
        throw new AssertionError("no alias " + address + " in " + list);
    }

    private static JsonNode finished(TestMasq masq, String key, TestMasq.Reply started) {
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        return await().atMost(Duration.ofSeconds(30)).until(() -> masq.call(key, "GET", location, null).json(),
                job -> !job.get("status").asText().equals("running"));
    }

    private static List<String> notes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("address").asText() + ": " + n.get("reason").asText()));
        return out;
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = ImportApiTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] multipart(String boundary, byte[] file, String format) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n" + format + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"aliases.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(file, 0, all, start.length, file.length);
        System.arraycopy(end, 0, all, start.length + file.length, end.length);
        return all;
    }

    private static String defaultInbox(TestMasq masq) {
        return masq.inboxes().list(masq.userId).stream().filter(Mailbox::isDefault).findFirst().orElseThrow().id();
    }
}
