package dev.masq.mail.delivery;

import dev.masq.common.DnsClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds the servers that accept mail for a domain (RFC 5321 §5.1): its MX hosts by preference,
 * the domain itself when it has no MX (implicit MX), none when it publishes a null MX (RFC 7505).
 */
public final class MxResolver {
    // Like Postfix's smtp_mx_address_limit: a bound on how long one attempt can take.
    private static final int MAX_HOPS = 5;
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);

    private final DnsClient dns;
    private final int port;

    /** Asks {@code dns} (host:port) when given, else the system's resolvers; connects to {@code port}. */
    public MxResolver(Optional<InetSocketAddress> dns, int port) {
        this.dns = DnsClient.using(dns, DNS_TIMEOUT);
        this.port = port;
    }

    public List<Hop> resolve(String domain) throws DeliveryFailure {
        Name name = absolute(domain);
        DnsClient.Response mx = dns.query(name.toString(), Type.MX);
        List<Name> hosts = switch (mx.status()) {
            case ANSWERED -> mx.records().isEmpty() ? List.of(name) : mxHosts(domain, mx.records());
            case NO_SUCH_NAME -> throw DeliveryFailure.permanent("recipient domain does not exist",
                    "domain " + domain + " does not exist");
            case FAILED -> throw DeliveryFailure.temporary("DNS lookup failed", "MX lookup for " + domain + " failed");
        };
        List<Hop> hops = new ArrayList<>();
        boolean dnsTrouble = false;
        for (Name host : hosts) {
            for (int type : new int[] {Type.A, Type.AAAA}) {
                DnsClient.Response a = dns.query(host.toString(), type);
                for (Record r : a.records()) {
                    address(r).ifPresent(ip -> hops.add(new Hop(host.toString(true), new InetSocketAddress(ip, port))));
                }
                dnsTrouble |= a.status() == DnsClient.Response.Status.FAILED;
            }
        }
        if (hops.isEmpty()) {
            // A domain without MX and without addresses has no way to receive mail; anything else
            // (a DNS failure, an MX host not resolving yet) may well be fixed before the message expires.
            if (!dnsTrouble && hosts.equals(List.of(name))) {
                throw DeliveryFailure.permanent("recipient domain has no mail server",
                        "domain " + domain + " has neither MX nor address records");
            }
            throw DeliveryFailure.temporary("DNS lookup failed", "no address found for the mail servers of " + domain);
        }
        return hops.size() > MAX_HOPS ? List.copyOf(hops.subList(0, MAX_HOPS)) : hops;
    }

    /** MX targets by preference, hosts of equal preference in random order to spread load (RFC 5321 §5.1). */
    private static List<Name> mxHosts(String domain, List<Record> answers) throws DeliveryFailure {
        List<MXRecord> records = answers.stream().filter(MXRecord.class::isInstance).map(MXRecord.class::cast).toList();
        if (records.size() == 1 && records.getFirst().getTarget().equals(Name.root)) {
            throw DeliveryFailure.permanent("recipient domain accepts no mail (null MX)",
                    "domain " + domain + " accepts no mail (null MX, RFC 7505)");
        }
        TreeMap<Integer, List<Name>> byPreference = new TreeMap<>();
        for (MXRecord r : records) {
            if (!r.getTarget().equals(Name.root)) {
                byPreference.computeIfAbsent(r.getPriority(), p -> new ArrayList<>()).add(r.getTarget());
            }
        }
        List<Name> hosts = new ArrayList<>();
        byPreference.values().forEach(same -> {
            Collections.shuffle(same);
            hosts.addAll(same);
        });
        return hosts;
    }

    private static Name absolute(String domain) throws DeliveryFailure {
        try {
            return Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            throw DeliveryFailure.permanent("invalid recipient domain", "not a domain name: " + domain);
        }
    }

    private static Optional<InetAddress> address(Record r) {
        return switch (r) {
            case ARecord a -> Optional.of(a.getAddress());
            case AAAARecord a -> Optional.of(a.getAddress());
            default -> Optional.empty();
        };
    }
}
