package dev.masq.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * An authoritative DNS responder over UDP on 127.0.0.1 serving the records a test gives it, so
 * that MX lookups, SPF, DKIM and DMARC are tested without touching public DNS. Unknown names are
 * NXDOMAIN; names marked failing answer SERVFAIL; silenced names get no answer at all, as from a
 * resolver that times out.
 */
public final class TestDns implements AutoCloseable {
    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private volatile boolean silentEverywhere;
    private final AtomicInteger received = new AtomicInteger();

    private TestDns(DatagramSocket socket) {
        this.socket = socket;
        Thread.ofVirtual().name("test-dns").start(this::serve);
    }

    public static TestDns start() throws IOException {
        return new TestDns(new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)));
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    }

    /** {@code host:port}, the form of {@code MASQ_DNS}. */
    public String hostPort() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public TestDns mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host)));
    }

    /** RFC 7505: the domain accepts no mail. */
    public TestDns nullMx(String domain) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, 0, Name.root));
    }

    public TestDns a(String host, String ip) {
        try {
            return add(new ARecord(name(host), DClass.IN, TTL, InetAddress.getByName(ip)));
        } catch (IOException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    /** Every query for {@code domain} gets SERVFAIL. */
    public TestDns failing(String domain) {
        failing.add(name(domain));
        return this;
    }

    /** Publishes a TXT record; text longer than 255 characters is split into strings as DNS requires. */
    public TestDns txt(String name, String text) {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            strings.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return add(new TXTRecord(name(name), DClass.IN, TTL, strings));
    }

    /** Queries for {@code name} go unanswered. */
    public TestDns silence(String name) {
        silent.add(name(name));
        return this;
    }

    /** No query is answered any more. */
    public TestDns silenceEverything() {
        silentEverywhere = true;
        return this;
    }

    /** How many queries arrived so far, answered or not. */
    public int queries() {
        return received.get();
    }

    /** Drops every record of {@code name}, as a zone edit would (answers for it are NXDOMAIN until new ones are added). */
    public TestDns forget(String name) {
        records.remove(name(name));
        return this;
    }

    public TestDns add(Record r) {
        records.computeIfAbsent(r.getName(), n -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                received.incrementAndGet();
                if (silentEverywhere || silent.contains(query.getQuestion().getName())) {
                    continue;
                }
                byte[] answer = answer(query);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a packet that is not DNS: nothing to answer
            }
        }
    }

    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        List<Record> known = records.get(name);
        if (failing.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(soa(name), Section.AUTHORITY);
        } else {
            List<Record> matching = known.stream().filter(r -> r.getType() == question.getType()).toList();
            matching.forEach(r -> response.addRecord(r, Section.ANSWER));
            if (matching.isEmpty()) {
                response.addRecord(soa(name), Section.AUTHORITY);
            }
        }
        return response.toWire(4096);
    }

    /** The SOA of the top-level zone, which negative answers carry (RFC 2308). */
    private static SOARecord soa(Name name) {
        Name zone = name.labels() > 2 ? new Name(name, name.labels() - 2) : name;
        return new SOARecord(zone, DClass.IN, TTL, name("ns.test"), name("hostmaster.test"), 1, 3600, 600, 86400, TTL);
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
