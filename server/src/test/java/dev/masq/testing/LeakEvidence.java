package dev.masq.testing;

import dev.masq.TestMasq;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.SpfResult;
import dev.masq.leak.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * Mail arriving on an alias, as the SMTP pipeline will record it: classified by the real classifier,
 * recorded in a write transaction, and the leak notice queued in the same one when the alias just leaked.
 */
public final class LeakEvidence {
    private LeakEvidence() {
    }

    /** A message from {@code fromDomain} that passes DMARC; returns whether it made the alias leaked. */
    public static boolean receive(TestMasq s, String aliasId, String fromDomain, Instant at) {
        AuthenticationResults auth = new AuthenticationResults(fromDomain, fromDomain, SpfResult.PASS, List.of(),
                new DmarcResult(DmarcResult.Status.PASS, "reject"));
        Verdict verdict = s.db().read(ctx -> s.leaks().classify(ctx, aliasId, auth, null));
        boolean became = s.db().write(tx -> {
            boolean leaked = s.leaks().record(tx, aliasId, verdict, at);
            if (leaked) {
                s.leakNotices().enqueue(tx, aliasId, at);
            }
            return leaked;
        });
        s.queued().wake();
        return became;
    }

    /** The same message also forwarded, with its event on the timeline, as the pipeline records it in one write. */
    public static void forwarded(TestMasq s, String aliasId, String sender, Instant at) {
        receive(s, aliasId, sender.substring(sender.indexOf('@') + 1), at);
        s.db().writeVoid(tx -> s.eventRepository().record(tx, aliasId, "forwarded", sender, "foreign", at));
    }

    /** Three foreign domains, one day apart from {@code start}: the alias becomes leaked on the third. */
    public static void leak(TestMasq s, String aliasId, Instant start) {
        receive(s, aliasId, "deals-daily.com", start);
        receive(s, aliasId, "crypto-news.io", start.plusSeconds(86_400));
        receive(s, aliasId, "pharmacy-online.net", start.plusSeconds(2 * 86_400));
    }
}
