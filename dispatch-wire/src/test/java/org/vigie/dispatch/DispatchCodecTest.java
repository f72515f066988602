package org.vigie.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.vigie.dispatch.DecodeResult.Decoded;
import org.vigie.dispatch.DecodeResult.Malformed;
import org.vigie.dispatch.DecodeResult.MalformedReason;

class DispatchCodecTest {

    static DispatchRequest sample() {
        return DispatchRequest.builder("A-42", 48.8566123, 2.3522456).altitudeRelM(45.5)
                .priority(DispatchPriority.EMERGENCY).reason("bouton d'alerte, rue de Rivoli")
                .onSceneTime(Duration.ofSeconds(300)).requester("opérateur-7", "centre Paris 4").build();
    }

    @Test
    void dispatchHasTheDocumentedLayout() {
        byte[] b = DispatchCodec.encode(new DispatchMessage.Dispatch(0x0102030405060708L, sample()));
        assertThat(b[0]).isEqualTo((byte) 0x01);
        assertThat(b[1]).isEqualTo((byte) 0x08); // request id little-endian
        assertThat(b[8]).isEqualTo((byte) 0x01);
        int lat = (b[9] & 0xFF) | (b[10] & 0xFF) << 8 | (b[11] & 0xFF) << 16 | (b[12] & 0xFF) << 24;
        assertThat(lat).isEqualTo(488566123);
        assertThat(b[17]).isEqualTo((byte) 1); // flags: altitude present
        assertThat((b[18] & 0xFF) | (b[19] & 0xFF) << 8).isEqualTo(4550); // cm
        assertThat((b[20] & 0xFF) | (b[21] & 0xFF) << 8).isEqualTo(300); // s
        assertThat(b[22]).isEqualTo((byte) 2); // EMERGENCY
        assertThat(b[23]).isEqualTo((byte) 4); // "A-42"
        assertThat(new String(b, 24, 4, StandardCharsets.US_ASCII)).isEqualTo("A-42");
    }

    @Test
    void everyKindRoundTrips() {
        List<DispatchMessage> all = List.of(
                new DispatchMessage.Dispatch(7, sample()),
                new DispatchMessage.Retask(-1L, 0xFFFF_FFFFL, sample().withTarget(48.85, 2.35)),
                new DispatchMessage.Cancel(9, 3, "op-1", "centre 4", "false alarm"),
                new DispatchMessage.Ack(7, AckStatus.REFUSED_BUSY, 0, "a flight is in progress for alert A-1"),
                new DispatchMessage.Ack(0, AckStatus.REFUSED_MALFORMED, 0, ""),
                new DispatchMessage.FlightStatus(3, 7, 65535, FlightPhase.DONE, Optional.of(FlightOutcome.COMPLETED),
                        "A-42", "landed"),
                new DispatchMessage.FlightStatus(3, 7, 0, FlightPhase.TRANSIT, Optional.empty(), "A-42", ""));
        for (DispatchMessage m : all) {
            DecodeResult r = DispatchCodec.decode(DispatchCodec.encode(m));
            assertThat(r).as("%s", m).isEqualTo(new Decoded(m));
        }
    }

    @Test
    void malformedBodiesAreValuesWithTheRequestIdWhenKnown() {
        byte[] b = DispatchCodec.encode(new DispatchMessage.Dispatch(77, sample()));
        DecodeResult cut = DispatchCodec.decode(b, 0, b.length - 1);
        assertThat(cut).isInstanceOfSatisfying(Malformed.class, m -> {
            assertThat(m.reason()).isEqualTo(MalformedReason.TRUNCATED);
            assertThat(m.requestId()).isEqualTo(77);
            assertThat(m.kind()).isEqualTo(DispatchWire.KIND_DISPATCH);
        });
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1);
        assertThat(DispatchCodec.decode(longer)).isInstanceOfSatisfying(Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(MalformedReason.TRAILING_BYTES));
        byte[] badLat = b.clone();
        badLat[12] = (byte) 0x7F; // latitude ~ 214 degrees
        assertThat(DispatchCodec.decode(badLat)).isInstanceOfSatisfying(Malformed.class, m -> {
            assertThat(m.reason()).isEqualTo(MalformedReason.BAD_VALUE);
            assertThat(m.detail()).contains("targetLatDeg");
            assertThat(m.requestId()).isEqualTo(77);
        });
        byte[] badUtf8 = b.clone();
        badUtf8[24] = (byte) 0xC3; // 'A' -> a lone lead byte
        badUtf8[25] = (byte) 0x28;
        assertThat(DispatchCodec.decode(badUtf8)).isInstanceOfSatisfying(Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(MalformedReason.BAD_STRING));
        assertThat(DispatchCodec.decode(new byte[] {0x55})).isInstanceOfSatisfying(Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(MalformedReason.UNKNOWN_KIND));
        assertThat(DispatchCodec.decode(new byte[0])).isInstanceOfSatisfying(Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(MalformedReason.EMPTY));
        byte[] zeroId = b.clone();
        java.util.Arrays.fill(zeroId, 1, 9, (byte) 0);
        assertThat(DispatchCodec.decode(zeroId)).isInstanceOfSatisfying(Malformed.class,
                m -> assertThat(m.detail()).contains("reserved"));
    }

    @Test
    void oversizedStringsAreRefusedWhenEncodingNamingTheField() {
        String tooLong = "é".repeat(301); // 602 bytes
        assertThatThrownBy(() -> new DispatchMessage.Ack(1, AckStatus.ACCEPTED, 1, tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message is 602 bytes");
        assertThatThrownBy(() -> new DispatchMessage.Dispatch(0, sample()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestId 0");
    }

    @Test
    void theLongestValidRequestFitsTheFragmentLimit() {
        String id = "\u4e2d".repeat(64);
        DispatchRequest r = new DispatchRequest(id, -90, 180, OptionalDouble.of(120), DispatchPriority.ROUTINE,
                "\u4e2d".repeat(200), Duration.ofSeconds(3600), id, "\u4e2d".repeat(128));
        byte[] b = DispatchCodec.encode(new DispatchMessage.Retask(1, 1, r));
        assertThat(b.length).isLessThanOrEqualTo(DispatchWire.MAX_BODY_BYTES);
        assertThat(DispatchCodec.decode(b)).isEqualTo(new Decoded(new DispatchMessage.Retask(1, 1, r)));
        assertThat(Fragmenter.fragments(1, b)).hasSize((b.length + 122) / 123);
    }

    @Property(tries = 3000, seed = "20261129")
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 300) byte[] bytes) {
        DecodeResult r = DispatchCodec.decode(bytes);
        assertThat(r).isNotNull();
        Reassembler ra = new Reassembler(Duration.ofSeconds(2), 4);
        byte[] payload = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 128));
        assertThat(ra.accept(1, payload, payload.length, 0)).isNotNull();
    }

    @Property(tries = 500, seed = "20261129")
    void mutatedValidBodiesNeverThrow(@ForAll("dispatches") DispatchMessage.Dispatch d,
                                      @ForAll @IntRange(min = 0, max = 1000) int pos,
                                      @ForAll byte value, @ForAll @IntRange(min = 0, max = 40) int cut) {
        byte[] b = DispatchCodec.encode(d);
        b[pos % b.length] = value;
        assertThat(DispatchCodec.decode(b, 0, Math.max(0, b.length - cut))).isNotNull();
    }

    @Property(tries = 300, seed = "20261129")
    void everyValidRequestRoundTrips(@ForAll("dispatches") DispatchMessage.Dispatch d) {
        assertThat(DispatchCodec.decode(DispatchCodec.encode(d))).isEqualTo(new Decoded(d));
    }

    @Property(tries = 200, seed = "20261129")
    void fragmentsReassembleInAnyOrderWithDuplicates(@ForAll("dispatches") DispatchMessage.Dispatch d,
                                                     @ForAll long seed) {
        byte[] body = DispatchCodec.encode(d);
        List<byte[]> frags = new ArrayList<>(Fragmenter.fragments(4242, body));
        Random rnd = new Random(seed);
        if (rnd.nextBoolean()) {
            frags.add(frags.get(rnd.nextInt(frags.size())));
        }
        Collections.shuffle(frags, rnd);
        Reassembler ra = new Reassembler(Duration.ofSeconds(2), 4);
        Reassembler.Result last = null;
        int completes = 0;
        for (byte[] f : frags) {
            byte[] padded = java.util.Arrays.copyOf(f, 128);
            last = ra.accept(0x01BE, padded, f.length, 10);
            if (last instanceof Reassembler.Complete) {
                completes++;
                assertThat(((Reassembler.Complete) last).body()).isEqualTo(body);
                assertThat(((Reassembler.Complete) last).transferId()).isEqualTo(4242);
            }
        }
        // a duplicate arriving after completion is ignored: never a second message
        assertThat(completes).isEqualTo(1);
        assertThat(ra.partialCount()).isZero();
        assertThat(ra.rejectedCount()).isZero();
    }

    @Property(tries = 100, seed = "20261129")
    void aLostFragmentNeverCompletesAndTimesOut(@ForAll("dispatches") DispatchMessage.Dispatch d, @ForAll long seed) {
        byte[] body = DispatchCodec.encode(d);
        List<byte[]> frags = new ArrayList<>(Fragmenter.fragments(1, body));
        if (frags.size() < 2) {
            return;
        }
        Random rnd = new Random(seed);
        frags.remove(rnd.nextInt(frags.size()));
        Collections.shuffle(frags, rnd);
        Reassembler ra = new Reassembler(Duration.ofMillis(2000), 4);
        for (byte[] f : frags) {
            assertThat(ra.accept(7, f, f.length, 0)).isInstanceOf(Reassembler.Pending.class);
        }
        assertThat(ra.partialCount()).isEqualTo(1);
        assertThat(ra.expire(1999)).isZero();
        assertThat(ra.expire(2000)).isEqualTo(1);
        assertThat(ra.timedOutCount()).isEqualTo(1);
        assertThat(ra.partialCount()).isZero();
    }

    @Test
    void contradictoryFragmentsAreRejected() {
        byte[] body = new byte[300];
        List<byte[]> frags = Fragmenter.fragments(5, body);
        Reassembler ra = new Reassembler(Duration.ofSeconds(2), 4);
        assertThat(ra.accept(1, frags.get(0), frags.get(0).length, 0)).isInstanceOf(Reassembler.Pending.class);
        byte[] other = frags.get(0).clone();
        other[10] = 1;
        assertThat(ra.accept(1, other, other.length, 0)).isInstanceOf(Reassembler.Rejected.class);
        byte[] v2 = frags.get(1).clone();
        v2[0] = 2;
        assertThat(ra.accept(1, v2, v2.length, 0)).isEqualTo(new Reassembler.Rejected(true, "wire version 2 is not 1"));
        byte[] shortMiddle = java.util.Arrays.copyOf(frags.get(1), 50);
        assertThat(ra.accept(1, shortMiddle, 50, 0)).isInstanceOf(Reassembler.Rejected.class);
        byte[] badIndex = frags.get(1).clone();
        badIndex[3] = 3;
        assertThat(ra.accept(1, badIndex, badIndex.length, 0)).isInstanceOf(Reassembler.Rejected.class);
        // transfers of different senders never mix
        assertThat(ra.accept(1, frags.get(0), frags.get(0).length, 0)).isInstanceOf(Reassembler.Pending.class);
        assertThat(ra.accept(2, frags.get(1), frags.get(1).length, 0)).isInstanceOf(Reassembler.Pending.class);
        assertThat(ra.accept(2, frags.get(2), frags.get(2).length, 0)).isInstanceOf(Reassembler.Pending.class);
        assertThat(ra.accept(1, frags.get(1), frags.get(1).length, 0)).isInstanceOf(Reassembler.Pending.class);
        assertThat(ra.accept(1, frags.get(2), frags.get(2).length, 0)).isInstanceOf(Reassembler.Complete.class);
    }

    @Test
    void partialTransfersAreBounded() {
        Reassembler ra = new Reassembler(Duration.ofSeconds(2), 2);
        for (int t = 0; t < 5; t++) {
            byte[] f = Fragmenter.fragments(t, new byte[200]).get(0);
            ra.accept(1, f, f.length, 0);
        }
        assertThat(ra.partialCount()).isEqualTo(2);
        assertThat(ra.evictedCount()).isEqualTo(3);
    }

    @Provide
    Arbitrary<DispatchMessage.Dispatch> dispatches() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('!', '~').withChars('é', '中', 'ß')
                .ofMinLength(1).ofMaxLength(64);
        Arbitrary<String> origins = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '中')
                .ofMinLength(1).ofMaxLength(128).filter(s -> !s.isBlank());
        Arbitrary<String> reasons = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '中', '→')
                .ofMinLength(1).ofMaxLength(200).filter(s -> !s.isBlank());
        Arbitrary<Integer> lat = Arbitraries.integers().between(-900_000_000, 900_000_000);
        Arbitrary<Integer> lon = Arbitraries.integers().between(-1_800_000_000, 1_800_000_000);
        Arbitrary<OptionalDouble> alt = Arbitraries.integers().between(1000, 12000)
                .map(cm -> OptionalDouble.of(cm / 100.0)).injectNull(0.3)
                .map(o -> o == null ? OptionalDouble.empty() : o);
        Arbitrary<Duration> onScene = Arbitraries.integers().between(1, 3600).map(Duration::ofSeconds);
        Arbitrary<DispatchPriority> prio = Arbitraries.of(DispatchPriority.class);
        Arbitrary<Long> reqId = Arbitraries.longs().filter(x -> x != 0);
        return Combinators.combine(ids, lat, lon, alt, prio, reasons, onScene, ids).as((a, la, lo, al, p, r, t, who) ->
                        new DispatchRequest(a, la / 1e7, lo / 1e7, al, p, r, t, who, "placeholder"))
                .flatMap(req -> Combinators.combine(origins, reqId).as((o, id) -> new DispatchMessage.Dispatch(id,
                        new DispatchRequest(req.alertId(), req.targetLatDeg(), req.targetLonDeg(), req.altitudeRelM(),
                                req.priority(), req.reason(), req.onSceneTime(), req.requesterId(), o))));
    }
}
