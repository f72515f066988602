package org.vigie.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a message body into TUNNEL payloads (fragments), each with the {@value DispatchWire#FRAGMENT_HEADER_LENGTH}
 * byte header of {@link DispatchWire}. Stateless and thread-safe.
 */
public final class Fragmenter {

    private Fragmenter() {
    }

    /**
     * Fragments a body.
     *
     * @param transferId the sender's transfer id, 0..65535 (a new one per message sent, retries included)
     * @param body       the message body, 1..{@link DispatchWire#MAX_BODY_BYTES} bytes
     * @return the TUNNEL payloads in index order; each array's length is the TUNNEL payload_length
     * @throws IllegalArgumentException if the transfer id or the body size is out of range
     */
    public static List<byte[]> fragments(int transferId, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (transferId < 0 || transferId > 0xFFFF) {
            throw new IllegalArgumentException("transferId " + transferId + " is not in 0..65535");
        }
        if (body.length == 0 || body.length > DispatchWire.MAX_BODY_BYTES) {
            throw new IllegalArgumentException("body is " + body.length + " bytes, not in 1.."
                    + DispatchWire.MAX_BODY_BYTES);
        }
        int count = (body.length + DispatchWire.CHUNK_MAX - 1) / DispatchWire.CHUNK_MAX;
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int off = i * DispatchWire.CHUNK_MAX;
            int n = Math.min(DispatchWire.CHUNK_MAX, body.length - off);
            byte[] f = new byte[DispatchWire.FRAGMENT_HEADER_LENGTH + n];
            f[0] = (byte) DispatchWire.VERSION;
            f[1] = (byte) transferId;
            f[2] = (byte) (transferId >>> 8);
            f[3] = (byte) i;
            f[4] = (byte) count;
            System.arraycopy(body, off, f, DispatchWire.FRAGMENT_HEADER_LENGTH, n);
            out.add(f);
        }
        return out;
    }
}
