package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.domain.DnsRecord;
import dev.masq.domain.DomainSetup;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domains page, driven by a plain HTTP client as a browser without JavaScript would. */
class WebDomainsTest {
    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;
    String userId;
    FormClient client;

    @BeforeEach
    void start() throws Exception {
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_HOSTNAME", "mx.mask.test"));
        userId = masq.user("owner@inbox.test", false);
        client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "owner@inbox.test", "password", PASSWORD));
    }

    @Test
    void addShowsTheRecordsToCopyThenCheckNowCatchAllAndDeleteAfterConfirming() throws Exception {
        HttpResponse<String> empty = client.get("/domains");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("href=\"/domains\"").contains("No domains yet.");
        String token = FormClient.csrf(empty);

        assertThat(client.post("/domains", Map.of("domain", "mine.example")).statusCode()).as("no CSRF token").isGreaterThanOrEqualTo(400);
        assertThat(masq.domains().list(userId)).isEmpty();
        HttpResponse<String> ours = client.post("/domains", Map.of("_csrf", token, "domain", "mask.test"));
        assertThat(ours.statusCode()).isEqualTo(422);
        assertThat(ours.body()).contains("id=\"domain-error\"").contains("alias domain of this server").contains("value=\"mask.test\"");

        HttpResponse<String> added = client.post("/domains", Map.of("_csrf", token, "domain", "mine.example"));
        assertThat(added.statusCode()).isEqualTo(200);
        DomainSetup setup = masq.domains().list(userId).getFirst();
        for (DnsRecord r : setup.records()) {
            assertThat(added.body()).contains("data-copy=\"" + r.value() + "\"").contains("data-copy=\"" + r.name() + "\"");
        }
        assertThat(added.body()).contains("badge pending").contains("badge missing").doesNotContain("onclick")
                .doesNotContain("<script>");

        for (DnsRecord r : setup.records()) {
            if (r.type().equals("MX")) {
                masq.dns.mx(r.name(), 10, "mx.mask.test");
            } else {
                masq.dns.txt(r.name(), r.value());
            }
        }
        String id = setup.domain().id();
        HttpResponse<String> checked = client.post("/domains/" + id + "/verify", Map.of("_csrf", token));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("badge verified").contains("badge ok").doesNotContain("badge missing");

        HttpResponse<String> on = client.post("/domains/" + id + "/catch-all", Map.of("_csrf", token, "catch_all", "on"));
        assertThat(on.body()).contains("Catch-all is on");
        assertThat(masq.domains().get(userId, id).domain().catchAll()).isTrue();

        HttpResponse<String> confirm = client.get("/domains/" + id + "/delete");
        assertThat(confirm.body()).contains("id=\"confirm-delete\"").contains("burned");
        assertThat(masq.domains().list(userId)).as("nothing deleted before the confirmation").hasSize(1);
        HttpResponse<String> deleted = client.post("/domains/" + id + "/delete", Map.of("_csrf", FormClient.csrf(confirm)));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("No domains yet.");
    }

    @Test
    void aSubdomainIsClaimedFromTheSamePageAndOffersItselfForNewAliases() throws Exception {
        String token = FormClient.csrf(client.get("/domains"));
        HttpResponse<String> reserved = client.post("/domains", Map.of("_csrf", token, "subdomain", "www", "parent", "mask.test"));
        assertThat(reserved.statusCode()).isEqualTo(422);
        assertThat(reserved.body()).contains("id=\"subdomain-error\"").contains("reserved");
        HttpResponse<String> claimed = client.post("/domains", Map.of("_csrf", token, "subdomain", "owner", "parent", "other.test"));
        assertThat(claimed.body()).contains("owner.other.test").contains("badge verified");
        assertThat(client.get("/").body()).contains("<option value=\"owner.other.test\"");
    }
}
