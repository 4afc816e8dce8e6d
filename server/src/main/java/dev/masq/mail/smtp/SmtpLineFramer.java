package dev.masq.mail.smtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts the byte stream into lines (each with its line ending, which {@link StrictLineEndings} checks),
 * on the I/O thread, knowing two things about the session behind it.
 *
 * <p>How long a line may be. A command line may hold 512 octets plus what the extensions add
 * (RFC 5321 §4.5.3.1.4); {@link #COMMAND_MAX} is Postfix's allowance. Only inside DATA may a line be
 * as long as a whole message. A longer line is refused as soon as it is longer, not at its end: it
 * is never buffered, and a client streaming one endless line can neither hold its connection nor
 * wait for the answer forever. Whatever follows is thrown away while the connection closes.
 *
 * <p>That STARTTLS is a clean cut (CVE-2011-0411). Framing stops at a line James will read as
 * STARTTLS, and reading stops too, until the session has answered it. If TLS started, whatever came
 * with the STARTTLS line (in the same packet or before the client could have seen our {@code 220})
 * was sent in clear and is thrown away, so nothing read before the handshake is ever taken as a
 * command inside TLS. If not, framing resumes where it stopped. Stopping also keeps the client's TLS
 * hello from slipping past an SslHandler that the session thread is still adding. Such a line in a
 * message stops framing too, only for a moment: this thread cannot know whether the session has read
 * the end of DATA before it, and a STARTTLS pipelined right behind that end must be cut as cleanly.
 */
final class SmtpLineFramer extends ByteToMessageDecoder {
    /** Octets in a command line, its CRLF included: Postfix's {@code line_length_limit}, generous for any real client, tiny next to a message. */
    static final int COMMAND_MAX = 2048;
    private static final byte[] STARTTLS = "STARTTLS".getBytes(StandardCharsets.US_ASCII);

    private final int dataMax;
    private final boolean startTlsOffered;
    // Written by the session thread when DATA starts and ends, read here on the I/O thread.
    private volatile boolean data;
    private ChannelHandlerContext ctx;
    private boolean atStartTls;
    private boolean refused;

    /** {@code dataMax}: the longest line DATA takes; {@code startTlsOffered}: the port offers STARTTLS. */
    SmtpLineFramer(int dataMax, boolean startTlsOffered) {
        this.dataMax = dataMax;
        this.startTlsOffered = startTlsOffered;
    }

    /** The line is STARTTLS as the session will see it: wrapped, so that the session can tell the framer it is done with it. */
    static final class StartTlsLine extends DefaultByteBufHolder {
        StartTlsLine(ByteBuf line) {
            super(line);
        }
    }

    /** A command line over {@link #COMMAND_MAX}, as opposed to a DATA line longer than any message. */
    static final class CommandTooLong extends TooLongFrameException {
        CommandTooLong() {
            super("command line longer than " + COMMAND_MAX + " octets");
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Session thread: the lines from now on are message content. */
    void expectData() {
        data = true;
    }

    /** Session thread: the lines from now on are commands (again). */
    void expectCommands() {
        data = false;
    }

    /** I/O thread, the SslHandler just in place: drop what came in clear with STARTTLS and read TLS records. */
    void tlsStarted() {
        ByteBuf clear = internalBuffer();
        clear.skipBytes(clear.readableBytes());
        atStartTls = false;
        ctx.channel().config().setAutoRead(true);
    }

    /** Session thread, STARTTLS answered without starting TLS: frame what followed it after all. */
    void startTlsRefused() {
        ctx.executor().execute(() -> {
            atStartTls = false;
            ctx.channel().config().setAutoRead(true);
            try {
                channelRead(ctx, Unpooled.EMPTY_BUFFER);
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
        });
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (atStartTls) {
            return;
        }
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int eol = in.forEachByte(ByteProcessor.FIND_LF);
        boolean inData = data;
        int max = inData ? dataMax : COMMAND_MAX;
        int length = eol < 0 ? in.readableBytes() : eol + 1 - in.readerIndex();
        if (length > max) {
            in.skipBytes(in.readableBytes());
            refused = true;
            ctx.fireExceptionCaught(tooLong(inData));
            return;
        }
        if (eol < 0) {
            return;
        }
        ByteBuf line = in.readRetainedSlice(length);
        if (startTlsOffered && isStartTls(line) && ctx.pipeline().get(SslHandler.class) == null) {
            atStartTls = true;
            ctx.channel().config().setAutoRead(false);
            out.add(new StartTlsLine(line));
        } else {
            out.add(line);
        }
    }

    private static TooLongFrameException tooLong(boolean inData) {
        return inData ? new TooLongFrameException("line longer than any acceptable message") : new CommandTooLong();
    }

    /** As James parses a command: surrounding white space (and control characters) trimmed, case ignored. */
    private static boolean isStartTls(ByteBuf line) {
        int from = line.readerIndex();
        int to = line.writerIndex();
        while (from < to && (line.getByte(from) & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (line.getByte(to - 1) & 0xff) <= ' ') {
            to--;
        }
        if (to - from != STARTTLS.length) {
            return false;
        }
        for (int i = 0; i < STARTTLS.length; i++) {
            if (Character.toUpperCase(line.getByte(from + i)) != STARTTLS[i]) {
                return false;
            }
        }
        return true;
    }
}
