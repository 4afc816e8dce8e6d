package dev.masq.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small real SMTP server on 127.0.0.1 standing in for the receiving side. It records every
 * message it accepts (envelope and exact bytes, dot-stuffing undone) and every RCPT it is asked,
 * answers what a test scripts at MAIL, RCPT or after DATA, can offer STARTTLS, and can be stopped
 * and started again on the same port. It offers 8BITMIME unless told otherwise ({@link #offer},
 * {@link #withdraw}), records each MAIL command with its parameters, and can refuse a message with
 * a line longer than SMTP allows, as strict servers do ({@link #enforceLineLimit}).
 */
public final class DownstreamSmtpServer implements AutoCloseable {
    public enum Stage { MAIL, RCPT, DATA }

    /** Decides a reply; {@code null} means the normal 250. {@code recipient} is null outside RCPT. */
    @FunctionalInterface
    public interface Responder {
        String reply(Stage stage, String mailFrom, String recipient);
    }

    public record Received(String mailFrom, List<String> recipients, byte[] content, boolean tls) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        /** A notice as its reader sees it: the header as sent, the body with quoted-printable undone. */
        public String readable() {
            String text = text();
            int split = text.indexOf("\r\n\r\n") + 4;
            try (InputStream body = MimeUtility.decode(new ByteArrayInputStream(content, split, content.length - split),
                    "quoted-printable")) {
                return text.substring(0, split) + new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | MessagingException e) {
                throw new AssertionError("not a quoted-printable notice: " + e, e);
            }
        }
    }

    public record RcptAttempt(String mailFrom, String recipient, String reply) {
    }

    private final SSLContext tls;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<RcptAttempt> rcptAttempts = new CopyOnWriteArrayList<>();
    private final List<String> mailCommands = new CopyOnWriteArrayList<>();
    private final Set<String> extensions = new CopyOnWriteArraySet<>(List.of("8BITMIME"));
    private volatile boolean lineLimit;
    private final Map<Stage, Deque<String>> scripted = new EnumMap<>(Stage.class);
    private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger heldAtData = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Responder responder = (stage, from, rcpt) -> null;
    private volatile CountDownLatch dataHold;
    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private int port;

    private DownstreamSmtpServer(SSLContext tls) {
        this.tls = tls;
        for (Stage s : Stage.values()) {
            scripted.put(s, new ArrayDeque<>());
        }
    }

    /** A plain server on a free port. */
    public static DownstreamSmtpServer start() throws IOException {
        return start(null);
    }

    /** A server that offers STARTTLS with {@code tls}'s certificate (none when null). */
    public static DownstreamSmtpServer start(SSLContext tls) throws IOException {
        DownstreamSmtpServer s = new DownstreamSmtpServer(tls);
        s.listen(0);
        return s;
    }

    public int port() {
        return port;
    }

    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<RcptAttempt> rcptAttempts() {
        return List.copyOf(rcptAttempts);
    }

    /** Every MAIL command as the client sent it, parameters included. */
    public List<String> mailCommands() {
        return List.copyOf(mailCommands);
    }

    /** Advertises {@code extension} (such as SMTPUTF8) in answer to EHLO from now on. */
    public DownstreamSmtpServer offer(String extension) {
        extensions.add(extension);
        return this;
    }

    /** No longer advertises {@code extension} (such as 8BITMIME). */
    public DownstreamSmtpServer withdraw(String extension) {
        extensions.remove(extension);
        return this;
    }

    /** From now on, a message with a line over 1,000 octets (CRLF included) is refused, as RFC 5321 §4.5.3.1.6 allows. */
    public DownstreamSmtpServer enforceLineLimit() {
        lineLimit = true;
        return this;
    }

    /** The next {@code stage} command gets {@code reply}; several calls queue several replies. */
    public void replyOnce(Stage stage, String reply) {
        synchronized (scripted) {
            scripted.get(stage).add(reply);
        }
    }

    /** Replies for everything not scripted with {@link #replyOnce}. */
    public void respond(Responder r) {
        this.responder = r;
    }

    /** From now on, the final dot of a message gets no reply until the server is stopped. */
    public void holdAfterData() {
        dataHold = new CountDownLatch(1);
    }

    /** How many connections clients have opened so far. */
    public int connections() {
        return connections.get();
    }

    /** How many sessions are waiting for their reply to the final dot. */
    public int heldAtData() {
        return heldAtData.get();
    }

    /** Closes the port and every open session (a downstream that went away). */
    public void stop() throws IOException {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            s.close();
            // The port is only free once the thread blocked in accept() has left it.
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket session : sessions) {
            session.close();
        }
        CountDownLatch hold = dataHold;
        dataHold = null;
        if (hold != null) {
            hold.countDown();
        }
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        listen(port);
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void listen(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", onPort));
        port = s.getLocalPort();
        server = s;
        acceptor = Thread.ofVirtual().name("downstream-accept").start(() -> accept(s));
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                connections.incrementAndGet();
                sessions.add(socket);
                Thread.ofVirtual().name("downstream-session").start(() -> {
                    try (socket) {
                        new Session(socket).run();
                    } catch (IOException e) {
                        // the client went away or the server was stopped
                    } finally {
                        sessions.remove(socket);
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private String scriptedOr(Stage stage, String from, String rcpt, String normal) {
        synchronized (scripted) {
            String once = scripted.get(stage).poll();
            if (once != null) {
                return once;
            }
        }
        String r = responder.reply(stage, from, rcpt);
        return r == null ? normal : r;
    }

    private final class Session {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean secure;
        private String mailFrom;
        private int longestLine;
        private final List<String> rcpts = new ArrayList<>();

        Session(Socket socket) throws IOException {
            use(socket);
        }

        private void use(Socket s) throws IOException {
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }

        void run() throws IOException {
            send("220 downstream.test ESMTP");
            String line;
            while ((line = readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    StringBuilder ehlo = new StringBuilder("250-downstream.test\r\n");
                    extensions.forEach(e -> ehlo.append("250-").append(e).append("\r\n"));
                    send(ehlo + (tls != null && !secure ? "250-STARTTLS\r\n" : "") + "250 SIZE 104857600");
                } else if (upper.startsWith("HELO")) {
                    send("250 downstream.test");
                } else if (upper.equals("STARTTLS") && tls != null && !secure) {
                    send("220 2.0.0 go ahead");
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
                    ssl.setUseClientMode(false);
                    ssl.startHandshake();
                    sessions.add(ssl);
                    use(ssl);
                    secure = true;
                    reset();
                } else if (upper.startsWith("MAIL FROM:")) {
                    mailCommands.add(line);
                    String from = path(line.substring(10));
                    String reply = scriptedOr(Stage.MAIL, from, null, "250 2.1.0 ok");
                    if (reply.startsWith("2")) {
                        reset();
                        mailFrom = from;
                    }
                    send(reply);
                } else if (upper.startsWith("RCPT TO:")) {
                    String rcpt = path(line.substring(8));
                    String reply = mailFrom == null ? "503 5.5.1 MAIL first" : scriptedOr(Stage.RCPT, mailFrom, rcpt, "250 2.1.5 ok");
                    rcptAttempts.add(new RcptAttempt(mailFrom, rcpt, reply));
                    if (reply.startsWith("2")) {
                        rcpts.add(rcpt);
                    }
                    send(reply);
                } else if (upper.equals("DATA")) {
                    if (rcpts.isEmpty()) {
                        send("503 5.5.1 RCPT first");
                        continue;
                    }
                    send("354 end with <CRLF>.<CRLF>");
                    byte[] content = readData();
                    CountDownLatch hold = dataHold;
                    if (hold != null) {
                        heldAtData.incrementAndGet();
                        try {
                            hold.await();
                        } catch (InterruptedException e) {
                            return;
                        } finally {
                            heldAtData.decrementAndGet();
                        }
                    }
                    String reply = lineLimit && longestLine > 1000 ? "500 5.5.2 Line too long" : scriptedOr(Stage.DATA, mailFrom, null, "250 2.0.0 queued");
                    send(reply);
                    if (reply.startsWith("2")) {
                        received.add(new Received(mailFrom, List.copyOf(rcpts), content, secure));
                    }
                    reset();
                } else if (upper.equals("RSET")) {
                    reset();
                    send("250 2.0.0 ok");
                } else if (upper.equals("NOOP")) {
                    send("250 2.0.0 ok");
                } else if (upper.equals("QUIT")) {
                    send("221 2.0.0 bye");
                    return;
                } else {
                    send("502 5.5.2 not implemented");
                }
            }
        }

        private void reset() {
            mailFrom = null;
            rcpts.clear();
        }

        /** The message up to the final dot, exactly as sent but with dot-stuffing undone. */
        private byte[] readData() throws IOException {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            longestLine = 0;
            while (true) {
                byte[] line = readRawLine();
                if (line == null) {
                    throw new IOException("connection closed in DATA");
                }
                String text = new String(line, StandardCharsets.ISO_8859_1);
                if (text.equals(".\r\n")) {
                    return content.toByteArray();
                }
                longestLine = Math.max(longestLine, line.length);
                int skip = text.startsWith(".") ? 1 : 0;
                content.write(line, skip, line.length - skip);
            }
        }

        private String readLine() throws IOException {
            byte[] raw = readRawLine();
            if (raw == null) {
                return null;
            }
            String s = new String(raw, StandardCharsets.UTF_8);
            return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.strip();
        }

        private byte[] readRawLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    return line.toByteArray();
                }
            }
            return line.size() == 0 ? null : line.toByteArray();
        }

        private void send(String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private static String path(String arg) {
            String a = arg.strip();
            int close = a.indexOf('>');
            return a.startsWith("<") && close > 0 ? a.substring(1, close) : a.split(" ")[0];
        }
    }
}
