package io.paperfeed.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A deliberately plain HTTP/1.1 client for hostile requests: writes the bytes as given on a
 * keep-alive connection and reads one answer (status, headers, a body by length or chunks; an event
 * stream's headers only), with a timeout. It reconnects when the server closed the connection.
 */
final class RawHttp implements AutoCloseable {

    /** One answer: the status (-1: none, the connection closed; 0: no answer in time), its body (bounded). */
    record Answer(int status, String body, boolean stream) {
    }

    private final InetSocketAddress server;
    private final int timeoutMillis;
    private final int maxBody;
    private Socket socket;
    private java.net.InetAddress from;
    private boolean reuse = true;

    /** @param maxBody answer bytes kept (the rest is read and dropped) */
    RawHttp(InetSocketAddress server, int timeoutMillis, int maxBody) {
        this.server = server;
        this.timeoutMillis = timeoutMillis;
        this.maxBody = maxBody;
    }

    /** Connects from this local address (another loopback address, so workers count as different clients). */
    RawHttp from(String address) throws IOException {
        this.from = java.net.InetAddress.getByName(address);
        return this;
    }

    /** One connection per request: a hostile request cannot leave bytes that the next answer is read against. */
    RawHttp oneRequestPerConnection() {
        this.reuse = false;
        return this;
    }

    Answer send(byte[] request) throws IOException {
        if (socket == null || socket.isClosed()) {
            socket = new Socket();
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(server, 5_000);
            socket.setSoTimeout(timeoutMillis);
        }
        try {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            reset();
            return new Answer(-1, "", false);
        }
        try {
            Answer answer = read(socket.getInputStream());
            if (answer.status() <= 0 || answer.stream() || !reuse) {
                reset();
            }
            return answer;
        } catch (SocketTimeoutException e) {
            reset();
            return new Answer(0, "", false);
        } catch (IOException e) {
            reset();
            return new Answer(-1, "", false);
        }
    }

    private Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Answer(-1, "", false);
        }
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean stream = false;
        boolean close = false;
        for (String header; (header = line(in)) != null && !header.isEmpty(); ) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            } else if (h.startsWith("content-type:") && h.contains("text/event-stream")) {
                stream = true;
            } else if (h.startsWith("connection:") && h.contains("close")) {
                close = true;
            }
        }
        if (stream) {
            return new Answer(status, "", true);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (String size; (size = line(in)) != null; ) {
                int n = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (n == 0) {
                    line(in);
                    break;
                }
                copy(in, body, n);
                line(in);
            }
        } else if (length > 0) {
            copy(in, body, length);
        }
        if (close) {
            reset();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8), false);
    }

    private void copy(InputStream in, ByteArrayOutputStream body, long n) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (read < 0) {
                throw new IOException("the answer ended early");
            }
            if (body.size() < maxBody) {
                body.write(buffer, 0, read);
            }
            n -= read;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > 16 * 1024) {
                throw new IOException("an answer line over 16 KiB");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private void reset() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        reset();
    }
}
