package org.vigie.sim.link;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameSigner;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.Scheduler;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportState;

/**
 * One MAVLink channel of the simulated autopilot over a {@link Transport}. Incoming bytes are parsed on the
 * transport's thread and every frame is posted to the simulator's scheduler; outgoing frames are encoded with this
 * channel's own sequence counter (and signer, when signing is on) and pass through the channel's
 * {@link LinkFaults} before reaching the transport.
 *
 * <p>Threading: {@link #send} must be called on the scheduler's event thread; the receive path runs on the
 * transport's thread and only touches the parser and the scheduler.
 */
public final class SimLink implements AutoCloseable {

    private final int channel;
    private final Transport transport;
    private final Scheduler scheduler;
    private final LinkFaults faults;
    private final FrameWriter writer = new FrameWriter();
    private final FrameParser parser;
    private final ArrayDeque<MavlinkFrame> heldIn = new ArrayDeque<>();
    private byte @Nullable [] heldOut;
    private volatile @Nullable FrameSigner signer;
    private long framesIn;
    private long framesOut;
    private long framesFaulted;

    /**
     * Creates a channel; call {@link #start()} to begin receiving.
     *
     * @param channel channel number (0 for the first transport; the MAVLink 2 signing link id)
     * @param transport the byte pipe
     * @param scheduler the simulator's scheduler, where frames are delivered
     * @param faults fault injection of this channel
     * @param onFrame receives (frame, channel) on the scheduler's event thread
     */
    public SimLink(int channel, Transport transport, Scheduler scheduler, LinkFaults faults,
                   BiConsumer<MavlinkFrame, Integer> onFrame) {
        this.channel = channel;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.faults = Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(onFrame, "onFrame");
        this.parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView view) {
                receive(view.toFrame(), onFrame);
            }
        });
    }

    /** Starts the transport; bytes flow from now on. */
    public void start() {
        transport.start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                synchronized (parser) {
                    parser.feed(data, offset, length);
                }
            }

            @Override
            public void onState(TransportState state, String detail) {
                // the simulator keeps running whatever the link does, as an autopilot would
            }
        });
    }

    private void receive(MavlinkFrame frame, BiConsumer<MavlinkFrame, Integer> onFrame) {
        LinkFaults.Fate fate = faults.drawIncoming();
        switch (fate) {
            case DROP, CORRUPT -> {
                synchronized (this) {
                    framesFaulted++;
                }
                return;
            }
            case REORDER -> {
                synchronized (heldIn) {
                    heldIn.add(frame);
                }
                return;
            }
            default -> { }
        }
        post(frame, onFrame);
        if (fate == LinkFaults.Fate.DUPLICATE) {
            post(frame, onFrame);
        }
        MavlinkFrame held;
        synchronized (heldIn) {
            held = heldIn.poll();
        }
        if (held != null) {
            post(held, onFrame);
        }
    }

    private void post(MavlinkFrame frame, BiConsumer<MavlinkFrame, Integer> onFrame) {
        synchronized (this) {
            framesIn++;
        }
        scheduler.execute(() -> onFrame.accept(frame, channel));
    }

    /** @return this channel's number */
    public int channel() {
        return channel;
    }

    /** @return the fault injection of this channel */
    public LinkFaults faults() {
        return faults;
    }

    /**
     * Sets the signer of outgoing frames.
     *
     * @param s the signer, or null to send unsigned
     */
    public void setSigner(@Nullable FrameSigner s) {
        signer = s;
    }

    /**
     * Encodes and sends one MAVLink 2 frame through the fault injector.
     *
     * @param sysId source system
     * @param compId source component
     * @param msgId message id
     * @param payload full payload (trailing zeros are truncated)
     */
    public void send(int sysId, int compId, int msgId, byte[] payload) {
        MavlinkFrame f = writer.encodeV2(sysId, compId, msgId, payload, signer);
        sendRaw(f.raw());
    }

    private void sendRaw(byte[] raw) {
        LinkFaults.Fate fate = faults.drawOutgoing();
        switch (fate) {
            case DROP -> {
                framesFaulted++;
                return;
            }
            case CORRUPT -> {
                byte[] c = raw.clone();
                int i = faults.corruptIndex(c.length);
                c[i] ^= 0x5A;
                framesFaulted++;
                transmit(c);
                return;
            }
            case REORDER -> {
                if (heldOut == null) {
                    heldOut = raw;
                    return;
                }
            }
            default -> { }
        }
        transmit(raw);
        if (fate == LinkFaults.Fate.DUPLICATE) {
            transmit(raw);
        }
        if (heldOut != null && heldOut != raw) {
            byte[] h = heldOut;
            heldOut = null;
            transmit(h);
        }
    }

    private void transmit(byte[] raw) {
        framesOut++;
        transport.send(raw, 0, raw.length);
    }

    /** @return frames handed to the simulator so far */
    public synchronized long framesIn() {
        return framesIn;
    }

    /** @return frames written to the transport so far (event thread) */
    public long framesOut() {
        return framesOut;
    }

    /** @return frames dropped or corrupted by fault injection (approximate across threads) */
    public synchronized long framesFaulted() {
        return framesFaulted;
    }

    @Override
    public void close() {
        transport.close();
    }
}
