package dev.masq.web;

import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasState;
import dev.masq.alias.NewAlias;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestMail;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages of breach defence: the verdict policy, quarantine and canaries on the alias page, breaches and burn all. */
class WebDefenceTest {
    @TempDir
    Path dir;
    @AutoClose
    DownstreamSmtpServer inbox;
    @AutoClose
    TestMasq masq;
    String userId;
    FormClient client;
    Alias openai;

    @BeforeEach
    void start() throws Exception {
        inbox = DownstreamSmtpServer.start();
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_HOSTNAME", "mx.mask.test", "MASQ_RELAY", inbox.hostPort(),
                "MASQ_DELIVERY_STARTTLS", "false", "MASQ_DELIVERY_CONCURRENCY", "4"));
        masq.dns.txt("openai.com", "v=spf1 ip4:127.0.0.1 -all").txt("_dmarc.openai.com", "v=DMARC1; p=reject");
        userId = masq.user("person@inbox.test", false);
        openai = masq.aliases().create(userId,
                new NewAlias(NewAlias.AddressMode.CUSTOM, "chatgpt", null, "OpenAI", "https://openai.com", null));
        client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "person@inbox.test",
                "password", TestMasq.PASSWORD));
    }

    @Test
    void thePolicyPageQuarantinesAndTheAliasPageReleases() throws Exception {
        HttpResponse<String> form = client.get("/settings/verdict-policy");
        assertThat(form.body()).contains("<option value=\"dmarc\" selected>");
        HttpResponse<String> saved = client.post("/settings/verdict-policy", Map.of("_csrf", FormClient.csrf(form),
                "spoof", "dmarc", "lookalike", "quarantine", "phishing", "quarantine", "spam", "tag", "digest", "on"));
        assertThat(saved.body()).contains("Saved.");
        send("OpenAI <a@openai-billing.com>", "Held on the page");

        HttpResponse<String> page = client.get("/aliases/" + openai.id());
        assertThat(page.body()).contains("Held on the page", "claims to be openai.com but was sent from openai-billing.com");
        String id = masq.quarantine().list(userId, openai.id()).getFirst().id();
        HttpResponse<String> released = client.post("/aliases/" + openai.id() + "/quarantine/" + id + "/release",
                Map.of("_csrf", FormClient.csrf(page)));
        assertThat(released.body()).contains("Released: the message is on its way").doesNotContain("data-held=\"" + id);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "Subject")).containsExactly("[masq: suspicious sender] Held on the page");
    }

    @Test
    void theAliasPageSetsItsOwnPolicyOverTheAccounts() throws Exception {
        HttpResponse<String> page = client.get("/aliases/" + openai.id());
        assertThat(page.body()).contains("as on every alias (tag)");
        HttpResponse<String> saved = client.post("/aliases/" + openai.id() + "/verdict-policy", Map.of("_csrf",
                FormClient.csrf(page), "spoof", "", "lookalike", "reject", "phishing", "", "spam", ""));
        assertThat(saved.body()).contains("Saved: this alias's verdict policy.");
        assertThat(masq.policies().aliasChoices(userId, openai.id()))
                .containsExactly(Map.entry(dev.masq.leak.VerdictKind.LOOKALIKE, dev.masq.quarantine.VerdictAction.REJECT));
        try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
            assertThat(smtp.send("a@openai-billing.com", List.of("chatgpt@mask.test"),
                    TestMail.message("OpenAI <a@openai-billing.com>", "Refused", "x")).text()).startsWith("550 5.7.1");
        }
    }

    @Test
    void theIdentifiersFormSavesAndExplainsWhatItRefuses() throws Exception {
        HttpResponse<String> page = client.get("/aliases/" + openai.id());
        HttpResponse<String> refused = client.post("/aliases/" + openai.id() + "/identifiers",
                Map.of("_csrf", FormClient.csrf(page), "identifiers", "org-4f2a9c\nab"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"identifiers-error\"").contains("4 to 200 characters").contains("org-4f2a9c\nab");
        HttpResponse<String> saved = client.post("/aliases/" + openai.id() + "/identifiers",
                Map.of("_csrf", FormClient.csrf(page), "identifiers", "org-4f2a9c\r\nACME-55831\r\n"));
        assertThat(saved.body()).contains("Saved: mail quoting these identifiers").contains("org-4f2a9c\nACME-55831</textarea>");
        assertThat(masq.guards().identifiers(userId, openai.id())).containsExactly("org-4f2a9c", "ACME-55831");
    }

    @Test
    void aBreachFromTheLeakReportLeadsToTheVendorPageAndItsOneBurnForAll() throws Exception {
        Alias second = masq.aliases().create(userId,
                new NewAlias(NewAlias.AddressMode.CUSTOM, "platform", null, "OpenAI", "https://openai.com", null));
        HttpResponse<String> report = client.get("/leaks");
        assertThat(report.body()).contains("<option value=\"OpenAI\">OpenAI</option>");
        String date = LocalDate.now().minusDays(10).toString();
        HttpResponse<String> vendor = client.post("/leaks/breaches", Map.of("_csrf", FormClient.csrf(report),
                "vendor", "OpenAI", "date", date, "note", "analytics vendor", "source", ""));
        assertThat(vendor.uri().getPath()).isEqualTo("/vendors/OpenAI");
        assertThat(vendor.body()).contains(date + "</time>: analytics vendor", "chatgpt@mask.test", "platform@mask.test");
        assertThat(client.get("/leaks").body()).contains("class=\"breach\"").contains("OpenAI breached " + date);

        HttpResponse<String> bad = client.post("/leaks/breaches", Map.of("_csrf", FormClient.csrf(report),
                "vendor", "OpenAI", "date", "yesterday"));
        assertThat(bad.body()).contains("id=\"breach-error\"").contains("YYYY-MM-DD");

        HttpResponse<String> confirm = client.get("/vendors/OpenAI/burn");
        assertThat(confirm.body()).contains("Burn every alias given to OpenAI?");
        HttpResponse<String> done = client.post("/vendors/OpenAI/burn", Map.of("_csrf", FormClient.csrf(confirm), "replace", "on"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(masq.aliases().get(userId, openai.id()).state()).isEqualTo(AliasState.BURNED);
        assertThat(masq.aliases().get(userId, second.id()).state()).isEqualTo(AliasState.BURNED);
        assertThat(masq.aliases().get(userId, openai.id()).replacedBy()).isNotNull();
    }

    private void send(String from, String subject) {
        try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
            assertThat(smtp.send("a@openai-billing.com", List.of("chatgpt@mask.test"), TestMail.message(from, subject, "x")).code())
                    .isEqualTo(250);
        }
    }
}
