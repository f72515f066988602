package org.vigie.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The dispatch wire's input limits, each at the limit and just over: strings, fragments, reassembly memory. */
class WireLimitsTest {

    private static final int CENTRE = 255 << 8 | 190;
    private static final int OTHER = 254 << 8 | 190;

    /** The first fragment of a transfer announcing {@code count} fragments. */
    private static byte[] first(int transferId, int count) {
        byte[] f = new byte[DispatchWire.TUNNEL_PAYLOAD_MAX];
        f[0] = (byte) DispatchWire.VERSION;
        f[1] = (byte) transferId;
        f[2] = (byte) (transferId >>> 8);
        f[3] = 0;
        f[4] = (byte) count;
        return f;
    }

    @Test
    void oneSenderHoldsAtMostItsByteBudgetOfIncompleteTransfers() {
        int budget = 2 * DispatchWire.MAX_BODY_BYTES;
        Reassembler r = new Reassembler(Duration.ofSeconds(3), 64, budget, 4 * budget);
        // two transfers of 16 fragments: exactly the budget
        assertThat(r.accept(CENTRE, first(1, 16), 128, 0)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.accept(CENTRE, first(2, 16), 128, 0)).isInstanceOf(Reassembler.Pending.class);
        assertThat(r.heldBytes()).isEqualTo(budget);
        // one more 2-fragment transfer: just over
        Reassembler.Result over = r.accept(CENTRE, first(3, 2), 128, 0);
        assertThat(over).isInstanceOf(Reassembler.Rejected.class);
        assertThat(((Reassembler.Rejected) over).detail()).contains("246 bytes")
                .contains("already holds " + budget).contains("limit per sender is " + budget + " bytes");
        assertThat(r.limitRefusalCount()).isEqualTo(1);
        assertThat(r.partialCount()).isEqualTo(2);
        // another sender is not affected
        assertThat(r.accept(OTHER, first(1, 16), 128, 0)).isInstanceOf(Reassembler.Pending.class);
        // completing or expiring gives the bytes back
        r.expire(3000);
        assertThat(r.heldBytes()).isZero();
        assertThat(r.accept(CENTRE, first(3, 2), 128, 3000)).isInstanceOf(Reassembler.Pending.class);
    }

    @Test
    void theTotalBudgetDropsTheOldestTransfersToMakeRoom() {
        int total = 2 * DispatchWire.MAX_BODY_BYTES;
        Reassembler r = new Reassembler(Duration.ofSeconds(3), 64, DispatchWire.MAX_BODY_BYTES, total);
        r.accept(CENTRE, first(1, 16), 128, 0);
        r.accept(OTHER, first(1, 16), 128, 1);
        assertThat(r.heldBytes()).isEqualTo(total);
        assertThat(r.evictedCount()).isZero();
        r.accept(7 << 8, first(1, 1 + 1), 128, 2);
        assertThat(r.evictedCount()).isEqualTo(1);
        assertThat(r.heldBytes()).isEqualTo(DispatchWire.MAX_BODY_BYTES + 2 * DispatchWire.CHUNK_MAX);
        assertThatThrownBy(() -> new Reassembler(Duration.ofSeconds(3), 8, total + 1, total))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytesPerSender");
    }

    @Test
    void fragmentCountsBeyond16AreRefusedNamingTheLimit() {
        Reassembler r = new Reassembler(Duration.ofSeconds(3), 8);
        assertThat(r.accept(CENTRE, first(1, DispatchWire.MAX_FRAGMENTS), 128, 0))
                .isInstanceOf(Reassembler.Pending.class);
        Reassembler.Result over = r.accept(CENTRE, first(2, DispatchWire.MAX_FRAGMENTS + 1), 128, 0);
        assertThat(((Reassembler.Rejected) over).detail()).contains("1..16 fragments");
        Reassembler.Result longPayload = r.accept(CENTRE, Arrays.copyOf(first(3, 1), 129), 129, 0);
        assertThat(((Reassembler.Rejected) longPayload).detail()).contains("129").contains("5..128");
    }

    @Test
    void dispatchStringsAreBoundedAtAndJustOverTheirLimits() {
        String id192 = "x".repeat(DispatchWire.MAX_ID_BYTES);
        new DispatchMessage.Cancel(1, 1, id192, "o", "r");
        assertThatThrownBy(() -> new DispatchMessage.Cancel(1, 1, id192 + "x", "o", "r"))
                .hasMessageContaining("requesterId is 193 bytes in UTF-8, more than 192");
        new DispatchMessage.Cancel(1, 1, "w", "o", "é".repeat(DispatchWire.MAX_TEXT_BYTES / 2));
        assertThatThrownBy(() -> new DispatchMessage.Cancel(1, 1, "w", "o",
                "é".repeat(DispatchWire.MAX_TEXT_BYTES / 2) + "x")).hasMessageContaining("more than 600");
        assertThatThrownBy(() -> new DispatchMessage.Cancel(1, 1, "w", "line\nforged", "r"))
                .hasMessageContaining("requesterOrigin contains a control character at index 4");

        DispatchRequest.builder("a".repeat(64), 0, 0).reason("r").requester("w", "o").build();
        assertThatThrownBy(() -> DispatchRequest.builder("a".repeat(65), 0, 0).reason("r").requester("w", "o")
                .build()).hasMessageContaining("alertId is 65 characters long, more than 64");
        DispatchRequest.builder("a", 0, 0).reason("r".repeat(200)).requester("w", "o").build();
        assertThatThrownBy(() -> DispatchRequest.builder("a", 0, 0).reason("r".repeat(201)).requester("w", "o")
                .build()).hasMessageContaining("reason is 201 characters long, more than 200");

        // from the wire: a CANCEL whose requester id says 193 bytes
        byte[] ok = DispatchCodec.encode(new DispatchMessage.Cancel(7, 1, id192, "o", "r"));
        assertThat(DispatchCodec.decode(ok)).isInstanceOf(DecodeResult.Decoded.class);
        // kind, request id, flight id: 13 bytes, then the requester id's length byte and its bytes
        byte[] over = new byte[ok.length + 1];
        System.arraycopy(ok, 0, over, 0, 14);
        over[13] = (byte) 193;
        over[14] = 'x';
        System.arraycopy(ok, 14, over, 15, ok.length - 14);
        DecodeResult d = DispatchCodec.decode(over);
        assertThat(d).isInstanceOf(DecodeResult.Malformed.class);
        DecodeResult.Malformed m = (DecodeResult.Malformed) d;
        assertThat(m.reason()).isEqualTo(DecodeResult.MalformedReason.BAD_STRING);
        assertThat(m.detail()).isEqualTo("requester id is 193 bytes, more than 192");
        assertThat(m.requestId()).as("the sender can be answered").isEqualTo(7);
        // a control character from the wire is refused too, naming the field
        byte[] ctl = ok.clone();
        ctl[14] = '\n';
        assertThat(((DecodeResult.Malformed) DispatchCodec.decode(ctl)).detail())
                .contains("requesterId contains a control character");
        assertThat(new String(ok, 14, 3, StandardCharsets.UTF_8)).isEqualTo("xxx");
    }
}
