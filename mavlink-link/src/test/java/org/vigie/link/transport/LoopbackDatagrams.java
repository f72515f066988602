package org.vigie.link.transport;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** Plain loopback UDP sockets standing for a ground station or an autopilot in transport and router tests. */
public final class LoopbackDatagrams {

    /** How long a receive waits before the test fails, ms. */
    public static final int WAIT_MS = 5000;

    private LoopbackDatagrams() {}

    /**
     * @return a socket bound to an ephemeral port on 127.0.0.1 whose receives give up after {@link #WAIT_MS}
     * @throws Exception if no socket can be opened
     */
    public static DatagramSocket socket() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        s.setSoTimeout(WAIT_MS);
        return s;
    }

    /**
     * Receives one datagram.
     *
     * @param s the socket
     * @return its bytes, exactly
     * @throws Exception a {@link java.net.SocketTimeoutException} if none arrives in time
     */
    public static byte[] receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65_536], 65_536);
        s.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }
}
