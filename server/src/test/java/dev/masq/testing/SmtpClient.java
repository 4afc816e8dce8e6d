package dev.masq.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;

/** A raw SMTP client over a plain socket: it writes exactly the bytes it is given, which smuggling tests need. */
public final class SmtpClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static SmtpClient connect(int port) {
        return connect(port, "127.0.0.1");
    }

    /** Connects from a given loopback address (any of 127.0.0.0/8), to look like another client. */
    public static SmtpClient connect(int port, String from) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0);
            socket.setSoTimeout(10_000);
            return new SmtpClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if a reply (or anything) has arrived and not been read yet. */
    public boolean hasUnreadInput() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects, reads the greeting and says EHLO. */
    public static SmtpClient open(int port) {
        SmtpClient client = connect(port);
        client.expect(220, client.reply());
        client.expect(250, client.command("EHLO client.example"));
        return client;
    }

    /** STARTTLS, then TLS on the same connection, trusting whatever certificate the server shows (tests only). */
    public void startTls() {
        expect(220, command("STARTTLS"));
        handshake(tls -> { });
    }

    /** The TLS handshake on this connection (after a {@code 220} to STARTTLS), with the socket set up first by {@code setUp}. */
    public void handshake(Consumer<SSLSocket> setUp) {
        try {
            SSLSocket tls = (SSLSocket) TrustEverything.context().getSocketFactory()
                    .createSocket(socket, "localhost", socket.getPort(), true);
            setUp.accept(tls);
            tls.startHandshake();
            socket = tls;
            in = tls.getInputStream();
            out = tls.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TLS from the first byte (implicit TLS, RFC 8314), trusting whatever certificate the server shows. */
    public static SmtpClient connectTls(int port) {
        return connectTls(port, tls -> { });
    }

    /** TLS from the first byte, with the socket set up by {@code setUp} before the handshake. */
    public static SmtpClient connectTls(int port, Consumer<SSLSocket> setUp) {
        try {
            SSLSocket tls = (SSLSocket) TrustEverything.context().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), port);
            tls.setSoTimeout(10_000);
            setUp.accept(tls);
            tls.startHandshake();
            return new SmtpClient(tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply command(String line) {
        write(line + "\r\n");
        return reply();
    }

    public void write(String raw) {
        write(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] raw) {
        try {
            out.write(raw);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One complete reply, multi-line replies joined by newlines. */
    public Reply reply() {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            if (line == null) {
                throw new IllegalStateException("connection closed after " + lines);
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return new Reply(Integer.parseInt(line.substring(0, 3)), String.join("\n", lines));
    }

    /** MAIL FROM, each RCPT TO (expected to be accepted), DATA with dot-stuffing; returns the final reply. */
    public Reply send(String from, List<String> to, byte[] message) {
        expect(250, command("MAIL FROM:<" + from + ">"));
        for (String rcpt : to) {
            expect(250, command("RCPT TO:<" + rcpt + ">"));
        }
        return data(message);
    }

    public Reply data(byte[] message) {
        expect(354, command("DATA"));
        write(dotStuffed(message));
        write(".\r\n");
        return reply();
    }

    /** True once the server has closed the connection (end of stream or reset), after any unread replies. */
    public boolean closedByServer() {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Reply expect(int code, Reply reply) {
        if (reply.code() != code) {
            throw new AssertionError("expected " + code + " but got " + reply.text());
        }
        return reply;
    }

    private static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                buf.write('.');
            }
            buf.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            buf.writeBytes(new byte[] {'\r', '\n'});
        }
        return buf.toByteArray();
    }

    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
            return null;
        } catch (SocketException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket: nothing left to do
        }
    }

    public record Reply(int code, String text) {
    }
}
