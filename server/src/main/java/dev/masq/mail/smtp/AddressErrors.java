package dev.masq.mail.smtp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Refused recipients per client address, as a count that halves every half-life: a harvester that
 * opens session after session keeps a high count, while a busy sending server that now and then
 * writes to a burned alias never gets near the limit. IPv6 clients are counted per /64, the block
 * one host is given, so that hopping addresses within it does not start a fresh count.
 */
final class AddressErrors {
    private static final int SWEEP_EVERY = 4096;
    private static final double FORGOTTEN = 0.5;

    private final double halfLifeNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<InetAddress, Score> scores = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    AddressErrors(Duration halfLife, LongSupplier nanoClock) {
        this.halfLifeNanos = Math.max(1, halfLife.toNanos());
        this.nanoClock = nanoClock;
    }

    void add(InetAddress client) {
        long now = nanoClock.getAsLong();
        scores.compute(key(client), (k, s) -> new Score(s == null ? 1 : s.at(now, halfLifeNanos) + 1, now));
        // Forgotten addresses are swept now and then, so that the map holds only recent offenders.
        if (sinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
            scores.values().removeIf(s -> s.at(now, halfLifeNanos) < FORGOTTEN);
        }
    }

    /** The address's current count, decayed to now. */
    double count(InetAddress client) {
        Score s = scores.get(key(client));
        return s == null ? 0 : s.at(nanoClock.getAsLong(), halfLifeNanos);
    }

    private static InetAddress key(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", e);
            }
        }
        return client;
    }

    private record Score(double value, long atNanos) {
        double at(long now, double halfLifeNanos) {
            return value * Math.pow(0.5, (now - atNanos) / halfLifeNanos);
        }
    }
}
