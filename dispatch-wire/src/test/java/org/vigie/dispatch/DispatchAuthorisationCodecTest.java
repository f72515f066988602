package org.vigie.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The authorisation id on the wire: round trip, the old layout unchanged without it, validation. */
class DispatchAuthorisationCodecTest {

    static DispatchRequest.Builder request() {
        return DispatchRequest.builder("A-7", 48.8516, 2.3648).reason("rixe signalée").requester("op-3", "centre 4");
    }

    @Test
    void theAuthorisationIdTravelsWithTheDispatchAndTheRetask() {
        DispatchRequest r = request().authorisation("PP-2026-0412").build();
        DecodeResult d = DispatchCodec.decode(DispatchCodec.encode(new DispatchMessage.Dispatch(9, r)));
        assertThat(d).isInstanceOfSatisfying(DecodeResult.Decoded.class, ok -> assertThat(
                ((DispatchMessage.Dispatch) ok.message()).request().authorisationId()).contains("PP-2026-0412"));
        DecodeResult rt = DispatchCodec.decode(DispatchCodec.encode(new DispatchMessage.Retask(10, 3,
                r.withTarget(48.852, 2.365))));
        assertThat(rt).isInstanceOfSatisfying(DecodeResult.Decoded.class, ok -> assertThat(
                ((DispatchMessage.Retask) ok.message()).request().authorisationId()).contains("PP-2026-0412"));
        assertThat(r.withOrigin("centre 5").authorisationId()).contains("PP-2026-0412");
    }

    @Test
    void aRequestWithoutAuthorisationKeepsTheOriginalLayout() {
        DispatchRequest without = request().build();
        byte[] old = DispatchCodec.encode(new DispatchMessage.Dispatch(9, without));
        byte[] with = DispatchCodec.encode(new DispatchMessage.Dispatch(9, request().authorisation("PP-1").build()));
        assertThat(with.length).isEqualTo(old.length + 1 + 4);
        assertThat(old[1 + 8 + 8]).as("flags").isZero();
        assertThat(with[1 + 8 + 8]).as("flags").isEqualTo((byte) 2);
        assertThat(without.authorisationId()).isEmpty();
        old[1 + 8 + 8] = 4;
        assertThat(DispatchCodec.decode(old)).isInstanceOfSatisfying(DecodeResult.Malformed.class,
                m -> assertThat(m.detail()).contains("flags 0x04 has unknown bits"));
    }

    @Test
    void aBadAuthorisationIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> request().authorisation(" ").build()).hasMessageContaining("authorisationId");
        assertThatThrownBy(() -> request().authorisation("x".repeat(65)).build())
                .hasMessageContaining("authorisationId is 65 characters long, more than 64");
        assertThat(request().authorisation(" PP-9 ").build().authorisationId()).isEqualTo(Optional.of("PP-9"));
    }
}
