package org.vigie.link.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serial port ({@code serial:///dev/ttyAMA0:921600}) through jSerialComm, 8N1, no flow control.
 *
 * <p>The port is opened by the constructor. When the device disappears (USB unplugged, the pseudo-terminal's other
 * side gone: a read error, or the device path no longer exists), the transport closes it, reports
 * {@link TransportState#RECONNECTING} and retries to open the same path with capped exponential backoff
 * ({@link TransportOptions}) until the device comes back, then reports {@link TransportState#CONNECTED}: the same
 * object keeps working, no one has to re-wire listeners. Bytes sent meanwhile are dropped and counted.
 *
 * <p>Threading: one reader thread (reads with a short timeout, reopens); {@link #send} is thread-safe and blocks at
 * most about 100 ms when the OS output buffer is full.
 */
public final class SerialTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SerialTransport.class);
    private static final int READ_TIMEOUT_MS = 100;
    private static final int WRITE_TIMEOUT_MS = 100;

    private final String path;
    private final int baud;
    private final TransportOptions options;
    private final Object portLock = new Object();
    private volatile @Nullable SerialPort port;
    private final AtomicLong droppedBytes = new AtomicLong();
    private final AtomicLong reopenCount = new AtomicLong();

    /**
     * Opens the port.
     *
     * @param path device path, e.g. {@code /dev/ttyAMA0} (or {@code COM3})
     * @param baud baud rate, bits per second, positive
     * @param options reconnect delays
     * @throws IllegalArgumentException if {@code baud <= 0} or the path is empty
     * @throws IOException if the port cannot be opened now
     */
    public SerialTransport(String path, int baud, TransportOptions options) throws IOException {
        super("serial://" + Objects.requireNonNull(path, "path") + ":" + baud);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("serial device path is empty");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("serial baud rate must be positive, was " + baud);
        }
        this.path = path;
        this.baud = baud;
        this.options = Objects.requireNonNull(options, "options");
        String[] why = new String[1];
        SerialPort p = tryOpen(why);
        if (p == null) {
            throw new IOException("cannot open serial port " + path + " at " + baud + " baud: " + why[0]);
        }
        port = p;
    }

    /** @return the device path */
    public String path() {
        return path;
    }

    /** @return the baud rate, bits per second */
    public int baud() {
        return baud;
    }

    /** @return bytes dropped because the device was gone or a write failed */
    public long droppedBytes() {
        return droppedBytes.get();
    }

    /** @return how many times the device was reopened after it disappeared */
    public long reopenCount() {
        return reopenCount.get();
    }

    private @Nullable SerialPort tryOpen(String[] why) {
        if (!path.regionMatches(true, 0, "COM", 0, 3) && !Files.exists(Path.of(path))) {
            why[0] = "no such device";
            return null;
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            why[0] = e.getMessage();
            return null;
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, WRITE_TIMEOUT_MS);
        if (!p.openPort(0)) {
            why[0] = "open failed (error " + p.getLastErrorCode() + ")";
            return null;
        }
        return p;
    }

    @Override
    void readLoop() {
        Backoff backoff = new Backoff(options);
        byte[] buf = new byte[4096];
        reportState(TransportState.CONNECTED, "opened " + path + " at " + baud + " baud");
        while (!isClosed()) {
            SerialPort p = port;
            if (p == null) {
                String[] why = new String[1];
                p = tryOpen(why);
                if (p == null) {
                    reportState(TransportState.RECONNECTING, path + ": " + why[0]);
                    if (!pause(backoff.nextDelayMs())) {
                        return;
                    }
                    continue;
                }
                synchronized (portLock) {
                    if (isClosed()) {
                        p.closePort();
                        return;
                    }
                    port = p;
                }
                reopenCount.incrementAndGet();
                backoff.reset();
                reportState(TransportState.CONNECTED, "reopened " + path + " at " + baud + " baud");
            }
            int n = p.readBytes(buf, buf.length, 0);
            if (n > 0) {
                deliver(buf, 0, n);
            } else if (!isClosed() && (n < 0 || !Files.exists(Path.of(path)))) {
                lose(p, n < 0 ? "read error " + p.getLastErrorCode() : "device path disappeared");
            }
        }
    }

    private void lose(SerialPort p, String why) {
        synchronized (portLock) {
            if (port == p) {
                port = null;
            }
            p.closePort();
        }
        reportState(TransportState.RECONNECTING, path + " lost: " + why);
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        synchronized (portLock) {
            SerialPort p = port;
            if (p == null || isClosed()) {
                droppedBytes.addAndGet(length);
                return false;
            }
            int done = 0;
            while (done < length) {
                int n = p.writeBytes(data, length - done, offset + done);
                if (n <= 0) {
                    droppedBytes.addAndGet(length - done);
                    LOG.debug("{}: write returned {}", description(), n);
                    return false;
                }
                done += n;
            }
            return true;
        }
    }

    @Override
    public boolean isConnected() {
        return port != null && !isClosed();
    }

    @Override
    void closeResources() {
        synchronized (portLock) {
            SerialPort p = port;
            port = null;
            if (p != null) {
                p.closePort();
            }
        }
    }
}
