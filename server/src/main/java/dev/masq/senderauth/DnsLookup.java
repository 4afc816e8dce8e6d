package dev.masq.senderauth;

import dev.masq.common.DnsClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/** DNS answers as sender authentication reads them: TXT strings joined, addresses and host names as text. */
public final class DnsLookup {
    private final DnsClient dns;

    private DnsLookup(DnsClient dns) {
        this.dns = dns;
    }

    public static DnsLookup using(Optional<InetSocketAddress> server, Duration timeout) {
        return new DnsLookup(DnsClient.using(server, timeout));
    }

    /** Asks afresh every time: for checks of records a person has just published. */
    public static DnsLookup uncached(Optional<InetSocketAddress> server, Duration timeout) {
        return new DnsLookup(DnsClient.uncached(server, timeout));
    }

    public DnsAnswer query(String name, int type) {
        DnsClient.Response response = dns.query(name, type);
        return switch (response.status()) {
            case NO_SUCH_NAME -> DnsAnswer.none();
            case ANSWERED -> DnsAnswer.found(values(response.records()));
            case FAILED -> DnsAnswer.temporaryFailure();
        };
    }

    private static List<String> values(List<Record> records) {
        List<String> values = new ArrayList<>();
        for (Record r : records) {
            switch (r) {
                case TXTRecord txt -> values.add(String.join("", txt.getStrings()));
                case ARecord a -> values.add(a.getAddress().getHostAddress());
                case AAAARecord aaaa -> values.add(aaaa.getAddress().getHostAddress());
                case MXRecord mx -> values.add(mx.getTarget().toString(true));
                case PTRRecord ptr -> values.add(ptr.getTarget().toString(true));
                default -> values.add(r.rdataToString());
            }
        }
        return values;
    }
}
