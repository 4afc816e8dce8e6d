package dev.masq.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.NewAlias;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.masq.senderauth.SpfResult;
import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.SpamScore;

class LeakServiceTest {
    static final Instant T0 = Instant.parse("2026-01-12T08:30:00Z");

    @TempDir
    Path dir;
    @AutoClose
    TestMasq s;
    String user;

    @BeforeEach
    void setUp() {
        s = TestMasq.offline(dir, Map.of("MASQ_DATA_DIR", dir.toString(), "MASQ_DOMAINS", "mask.test"),
                Clock.fixed(T0.plusSeconds(86_400 * 30), ZoneOffset.UTC));
        user = s.accounts().addUser("person@inbox.test", false).id();
    }

    @Test
    void vendorMailKeepsTheAliasClean() {
        Alias a = alias("OpenAI", "openai.com");
        assertThat(receive(a, "mail.openai.com", day(1))).isFalse();
        assertThat(receive(a, "openai.com", day(2))).isFalse();
        AliasLeak leak = s.leaks().leak(user, a.id());
        assertThat(leak.status()).isEqualTo(LeakStatus.CLEAN);
        assertThat(leak.since()).isNull();
        assertThat(leak.foreignDomains()).isEmpty();
        assertThat(s.leaks().report(user).aliases()).isEmpty();
    }

    @Test
    void theFirstForeignSenderMakesItSuspectedSinceThatMessage() {
        Alias a = alias("OpenAI", "openai.com");
        receive(a, "openai.com", day(1));
        assertThat(receive(a, "news.deals-daily.com", day(3))).isFalse();
        receive(a, "deals-daily.com", day(5));
        AliasLeak leak = s.leaks().leak(user, a.id());
        assertThat(leak.status()).isEqualTo(LeakStatus.SUSPECTED);
        assertThat(leak.since()).isEqualTo(day(3));
        assertThat(leak.foreignDomains()).containsExactly(new ForeignDomain("deals-daily.com", 2, 0, day(3), day(5)));
    }

    @Test
    void theThirdForeignDomainMakesItLeakedExactlyOnce() {
        Alias a = alias("OpenAI", "openai.com");
        assertThat(receive(a, "deals-daily.com", day(1))).isFalse();
        assertThat(receive(a, "crypto-news.io", day(2))).isFalse();
        assertThat(receive(a, "deals-daily.com", day(3))).isFalse();
        assertThat(receive(a, "pharmacy-online.net", day(4))).as("third distinct domain").isTrue();
        assertThat(receive(a, "pharmacy-online.net", day(5))).isFalse();
        assertThat(receive(a, "fourth-one.org", day(6))).isFalse();
        AliasLeak leak = s.leaks().leak(user, a.id());
        assertThat(leak.status()).isEqualTo(LeakStatus.LEAKED);
        assertThat(leak.since()).isEqualTo(day(1));
        assertThat(leak.leakedAt()).isEqualTo(day(4));
        assertThat(leak.foreignDomains()).extracting(ForeignDomain::domain)
                .containsExactly("fourth-one.org", "pharmacy-online.net", "deals-daily.com", "crypto-news.io");
    }

    @Test
    void oneMessageOverTheSpamThresholdMakesItLeaked() {
        Alias a = alias("OpenAI", "openai.com");
        Verdict spam = s.db().read(ctx -> s.leaks().classify(ctx, a.id(), auth("cheap-pills.biz", DmarcResult.Status.NONE), new SpamScore(1000, 5, List.of("GTUBE"))));
        assertThat(spam.kind()).isEqualTo(VerdictKind.SPAM);
        boolean becameLeaked = s.db().write(tx -> s.leaks().record(tx, a.id(), spam, day(2)));
        assertThat(becameLeaked).isTrue();
        assertThat(s.leaks().leak(user, a.id()).foreignDomains()).containsExactly(new ForeignDomain("cheap-pills.biz", 1, 1, day(2), day(2)));
    }

    @Test
    void aSpamReportMakesItLeakedAndCountsOnce() {
        Alias a = alias("OpenAI", "openai.com");
        s.db().writeVoid(tx -> s.eventRepository().record(tx, a.id(), "forwarded", "promo@openai.com", null, day(1)));
        String message = s.aliases().events(user, a.id(), 10).stream().filter(e -> e.kind().equals("forwarded"))
                .map(AliasEvent::id).findFirst().orElseThrow();
        String created = s.aliases().events(user, a.id(), 10).stream().filter(e -> e.kind().equals("created"))
                .map(AliasEvent::id).findFirst().orElseThrow();

        LeakChange first = s.leaks().reportSpam(user, a.id(), message);
        assertThat(first.becameLeaked()).isTrue();
        assertThat(first.leak().status()).isEqualTo(LeakStatus.LEAKED);
        assertThat(first.leak().spamReports()).isEqualTo(1);
        assertThat(first.leak().since()).isEqualTo(T0.plusSeconds(86_400 * 30));

        LeakChange again = s.leaks().reportSpam(user, a.id(), message);
        assertThat(again.becameLeaked()).isFalse();
        assertThat(again.leak().spamReports()).isEqualTo(1);

        assertThatThrownBy(() -> s.leaks().reportSpam(user, a.id(), created)).isInstanceOf(NotFoundException.class);
        String stranger = s.accounts().addUser("stranger@inbox.test", false).id();
        assertThatThrownBy(() -> s.leaks().reportSpam(stranger, a.id(), message)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void markingAForeignDomainAsTheVendorsRecomputesTheStatus() {
        Alias a = alias("OpenAI", "openai.com");
        receive(a, "openai-mailer.net", day(1));
        receive(a, "deals-daily.com", day(2));
        assertThat(receive(a, "crypto-news.io", day(3))).isTrue();

        AliasLeak after = s.leaks().markVendorDomain(user, a.id(), "news.openai-mailer.net");
        assertThat(after.status()).isEqualTo(LeakStatus.SUSPECTED);
        assertThat(after.since()).isEqualTo(day(2));
        assertThat(after.leakedAt()).isNull();
        assertThat(after.vendorDomains()).containsExactly("openai-mailer.net", "openai.com");
        assertThat(s.aliases().get(user, a.id()).vendorDomains()).contains(new Alias.VendorDomain("openai-mailer.net", false));
        assertThat(s.db().read(ctx -> s.leaks().classify(ctx, a.id(), auth("openai-mailer.net", DmarcResult.Status.PASS), null)).kind())
                .isEqualTo(VerdictKind.EXPECTED);

        assertThat(receive(a, "fourth-one.org", day(4))).as("leaked again, a new notice").isTrue();
        assertThatThrownBy(() -> s.leaks().markVendorDomain(user, a.id(), "co.uk")).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("domain");
    }

    @Test
    void anAliasWithoutVendorDomainLearnsItFromTheFirstMessage() {
        Alias a = s.aliases().create(user, new NewAlias(null, null, null, null, null, null));
        assertThat(receive(a, "mail.newshop.com", day(1))).isFalse();
        assertThat(s.aliases().get(user, a.id()).vendorDomains()).containsExactly(new Alias.VendorDomain("newshop.com", true));
        assertThat(s.leaks().leak(user, a.id()).status()).isEqualTo(LeakStatus.CLEAN);

        receive(a, "newshop.com", day(2));
        receive(a, "deals-daily.com", day(3));
        assertThat(s.leaks().leak(user, a.id()).status()).isEqualTo(LeakStatus.SUSPECTED);

        s.leaks().markVendorDomain(user, a.id(), "newshop.com");
        assertThat(s.aliases().get(user, a.id()).vendorDomains()).containsExactly(new Alias.VendorDomain("newshop.com", false));
    }

    @Test
    void twoFirstMessagesClassifiedAtOnceTeachOnlyOneVendorDomain() {
        Alias a = s.aliases().create(user, new NewAlias(null, null, null, null, null, null));
        Verdict shop = s.db().read(ctx -> s.leaks().classify(ctx, a.id(), auth("newshop.com", DmarcResult.Status.PASS), null));
        Verdict other = s.db().read(ctx -> s.leaks().classify(ctx, a.id(), auth("deals-daily.com", DmarcResult.Status.PASS), null));
        assertThat(shop.learnsVendorDomain()).isTrue();
        assertThat(other.learnsVendorDomain()).isTrue();
        s.db().write(tx -> s.leaks().record(tx, a.id(), shop, day(1)));
        s.db().write(tx -> s.leaks().record(tx, a.id(), other, day(1)));
        assertThat(s.aliases().get(user, a.id()).vendorDomains()).extracting(Alias.VendorDomain::domain).containsExactly("newshop.com");
        assertThat(s.leaks().leak(user, a.id()).foreignDomains()).extracting(ForeignDomain::domain).containsExactly("deals-daily.com");
    }

    @Test
    void theReportListsTheAliasesThatAreNotCleanOldestLeakFirstWithAVendorSummary() {
        Alias shop = alias("Shop", "shop.com");
        Alias openai1 = alias("OpenAI", "openai.com");
        Alias openai2 = alias("openai", "openai.com");
        Alias clean = alias("Bank", "bank.com");
        receive(shop, "deals-daily.com", day(5));
        for (String d : List.of("crypto-news.io", "pharmacy-online.net", "deals-daily.com")) {
            receive(openai1, d, day(2));
        }
        receive(openai2, "crypto-news.io", day(3));
        receive(clean, "bank.com", day(1));
        String stranger = s.accounts().addUser("stranger@inbox.test", false).id();
        Alias theirs = s.aliases().create(stranger, new NewAlias(null, null, null, "OpenAI", "openai.com", null));
        receive(theirs, "deals-daily.com", day(1));

        LeakReport report = s.leaks().report(user);
        assertThat(report.aliases()).extracting(AliasLeak::aliasId).containsExactly(openai1.id(), openai2.id(), shop.id());
        assertThat(report.aliases()).extracting(AliasLeak::status)
                .containsExactly(LeakStatus.LEAKED, LeakStatus.SUSPECTED, LeakStatus.SUSPECTED);
        assertThat(report.vendors()).containsExactly(
                new LeakReport.VendorSummary("OpenAI", 2, 1, 1, day(2), List.of("crypto-news.io", "deals-daily.com", "pharmacy-online.net")),
                new LeakReport.VendorSummary("Shop", 1, 0, 1, day(5), List.of("deals-daily.com")));
    }

    private Alias alias(String vendor, String site) {
        return s.aliases().create(user, new NewAlias(null, null, null, vendor, site, null));
    }

    /** Classifies and records a message from {@code fromDomain} that passes DMARC, as the pipeline would. */
    private boolean receive(Alias alias, String fromDomain, Instant at) {
        Verdict verdict = s.db().read(ctx -> s.leaks().classify(ctx, alias.id(), auth(fromDomain, DmarcResult.Status.PASS), null));
        return s.db().write(tx -> s.leaks().record(tx, alias.id(), verdict, at));
    }

    private static AuthenticationResults auth(String fromDomain, DmarcResult.Status dmarc) {
        return new AuthenticationResults(fromDomain, fromDomain, SpfResult.PASS, List.of(), new DmarcResult(dmarc, "reject"));
    }

    private static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }
}
