package dev.masq.senderauth;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * SPF, DKIM and DMARC for one received message.
 *
 * <p>{@link #authenticate} blocks on DNS (up to a few timeouts when the resolver does not answer):
 * call it from a worker or virtual thread, never from a Netty I/O thread. Temporary DNS failures
 * come out as {@code temperror} / {@link DmarcResult.Status#UNKNOWN}, never as a failure.
 */
public final class SenderAuthentication {
    private final SpfCheck spf;
    private final DkimCheck dkim;
    private final DmarcCheck dmarc;

    public SenderAuthentication(Optional<InetSocketAddress> resolver, Duration dnsTimeout, String localHostname) {
        DnsLookup dns = DnsLookup.using(resolver, dnsTimeout);
        this.spf = new SpfCheck(dns, localHostname);
        this.dkim = new DkimCheck(dns);
        this.dmarc = new DmarcCheck(dns);
    }

    public AuthenticationResults authenticate(SmtpIdentity sender, byte[] message) {
        String mailFrom = sender.mailFrom() == null ? "" : sender.mailFrom();
        String envelopeDomain = mailFrom.indexOf('@') < 0 ? null
                : Domains.normalize(mailFrom.substring(mailFrom.lastIndexOf('@') + 1)).orElse(null);
        // With the null reverse path SPF checks the HELO name, and DMARC aligns that identity.
        String spfDomain = mailFrom.isEmpty() ? Domains.normalize(sender.helo()).orElse(null) : envelopeDomain;
        SpfResult spfResult = spfDomain == null ? SpfResult.NONE
                : spf.check(sender.clientIp().getHostAddress(), mailFrom, sender.helo());
        List<DkimResult> dkimResults = dkim.verify(message);
        String fromDomain = HeaderFrom.domain(message).orElse(null);
        DmarcResult dmarcResult = fromDomain == null ? new DmarcResult(DmarcResult.Status.NONE, null)
                : dmarc.evaluate(fromDomain, spfResult, spfDomain, dkimResults);
        return new AuthenticationResults(fromDomain, envelopeDomain, spfResult, dkimResults, dmarcResult);
    }
}
