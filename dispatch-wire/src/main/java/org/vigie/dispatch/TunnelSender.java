package org.vigie.dispatch;

import io.dronefleet.mavlink.common.MavTunnelPayloadType;
import io.dronefleet.mavlink.common.Tunnel;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.Arrays;
import org.vigie.link.MavlinkPort;

/**
 * Encodes a message, fragments it and sends each fragment as a TUNNEL; used by both ends of the dispatch link. Not
 * thread-safe: the transfer counter belongs to the owner's event thread.
 */
public final class TunnelSender {

    private static final EnumValue<MavTunnelPayloadType> TYPE = EnumValue.create(DispatchWire.PAYLOAD_TYPE);
    private final MavlinkPort port;
    private int transferId;

    /**
     * @param port the signed link the fragments go out on
     * @param firstTransferId the first transfer id (only its low 16 bits are used; pick it at random per session)
     */
    public TunnelSender(MavlinkPort port, int firstTransferId) {
        this.port = port;
        this.transferId = firstTransferId & 0xFFFF;
    }

    /** Sends a body as one transfer to (sysId, compId); returns the fragment count. */
    public int send(int sysId, int compId, byte[] body) {
        int tid = transferId;
        transferId = (transferId + 1) & 0xFFFF;
        int n = 0;
        for (byte[] f : Fragmenter.fragments(tid, body)) {
            port.send(tunnel(sysId, compId, f));
            n++;
        }
        return n;
    }

    /** @return one TUNNEL frame carrying {@code fragment} to (sysId, compId), zero-padded to the payload size */
    public static Tunnel tunnel(int sysId, int compId, byte[] fragment) {
        return Tunnel.builder().targetSystem(sysId).targetComponent(compId).payloadType(TYPE)
                .payloadLength(fragment.length).payload(Arrays.copyOf(fragment, DispatchWire.TUNNEL_PAYLOAD_MAX))
                .build();
    }
}
